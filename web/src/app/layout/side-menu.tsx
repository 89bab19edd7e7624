import { Menu, Typography } from 'antd'
import { useLocation, useNavigate } from 'react-router-dom'
import { useI18n } from '../../lib/i18n'
import { allowedNavigation, type NavigationEntry, type NavigationUser } from '../navigation'
import { menuSections } from '../navigation-groups'

export function SideMenu({ user }: { user: NavigationUser }) {
  const { t } = useI18n()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const entries = allowedNavigation(user)
  const item = (entry: NavigationEntry) => ({
    key: entry.key,
    icon: entry.icon,
    label: t(entry.label),
  })
  const selected = entries.find(
    (entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`),
  )
  return (
    <nav aria-label={t('app.name')}>
      <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0, color: '#2f7d32' }}>
        {t('app.name')}
      </Typography.Title>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected.key] : []}
        items={menuSections(entries).map((section) =>
          section.kind === 'entry'
            ? item(section.entry)
            : {
                type: 'group' as const,
                key: section.label,
                label: t(section.label),
                children: section.entries.map(item),
              },
        )}
        onClick={({ key }) => {
          const entry = entries.find((candidate) => candidate.key === key)
          if (entry) void navigate(entry.path)
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  )
}
