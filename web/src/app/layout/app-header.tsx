import { LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Flex, Grid, Layout, Space, Typography } from 'antd'
import { LanguageToggle } from '../../components/language-toggle'
import { useI18n } from '../../lib/i18n'
import { useCountySubtitle } from '../../lib/use-county-subtitle'
import { useSession } from '../../lib/session'

export function AppHeader() {
  const { t } = useI18n()
  const { me, signOut } = useSession()
  const subtitle = useCountySubtitle()
  const screens = Grid.useBreakpoint()
  const wide = screens.md ?? true
  const large = screens.lg ?? true
  const organizations = [
    ...new Set(me.memberships.map((membership) => membership.organizationName)),
  ]
  return (
    <Layout.Header
      style={{
        background: '#fff',
        paddingInline: wide ? 24 : 12,
        // Below lg the menu folds away and its button takes the header's left corner.
        paddingInlineStart: large ? 24 : 56,
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <Flex justify="space-between" align="center" style={{ height: '100%' }}>
        {wide && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        <Space size={wide ? 'middle' : 'small'}>
          <Space size={4} aria-label={me.user.displayName}>
            <UserOutlined aria-hidden />
            <Typography.Text strong data-testid="current-user">
              {me.user.displayName}
            </Typography.Text>
            {wide && organizations.length > 0 && (
              <Typography.Text type="secondary" data-testid="current-organization">
                · {organizations.join('、')}
              </Typography.Text>
            )}
          </Space>
          <LanguageToggle />
          <Button
            icon={<LogoutOutlined aria-hidden />}
            aria-label={t('header.logout')}
            onClick={() => void signOut()}
          >
            {wide && t('header.logout')}
          </Button>
        </Space>
      </Flex>
    </Layout.Header>
  )
}
