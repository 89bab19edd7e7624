import { Select } from 'antd'
import type { OrganizationType, RoleKey } from '../lib/api-types'
import { useI18n } from '../lib/i18n'
import { useRoles } from '../lib/reference-data'

interface RoleSelectProps {
  /** Only roles allowed for this organization type are offered; none until it is known. */
  organizationType: OrganizationType | undefined
  value?: RoleKey
  onChange?: (role: RoleKey) => void
  id?: string
}

export function RoleSelect({ organizationType, ...props }: RoleSelectProps) {
  const { t, language } = useI18n()
  const roles = useRoles()
  const allowed = organizationType
    ? roles.filter((role) => role.organizationTypes.includes(organizationType))
    : []
  return (
    <Select<RoleKey>
      aria-label={t('common.role')}
      {...props}
      disabled={!organizationType}
      placeholder={organizationType ? t('common.selectRole') : t('common.selectOrganizationFirst')}
      options={allowed.map((role) => ({
        value: role.role,
        label: language === 'en' ? role.nameEn : role.nameZh,
      }))}
    />
  )
}
