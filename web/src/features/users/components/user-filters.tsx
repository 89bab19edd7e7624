import { Input, Space } from 'antd'
import { OrganizationSelect } from '../../../components/organization-select'
import { useI18n } from '../../../lib/i18n'

interface UserFiltersProps {
  q: string | undefined
  organizationId: string | undefined
  onChange: (name: 'q' | 'organizationId', value: string | undefined) => void
}

export function UserFilters({ q, organizationId, onChange }: UserFiltersProps) {
  const { t } = useI18n()
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        key={q ?? ''} // reset the box when the URL changes under it
        defaultValue={q}
        allowClear
        placeholder={t('users.searchPlaceholder')}
        aria-label={t('common.search')}
        onSearch={(value) => onChange('q', value.trim() || undefined)}
        style={{ width: 280 }}
      />
      <OrganizationSelect
        value={organizationId}
        allowClear
        placeholder={t('users.filterOrganization')}
        aria-label={t('users.filterOrganization')}
        onChange={(id) => onChange('organizationId', id)}
        style={{ width: 280 }}
      />
    </Space>
  )
}
