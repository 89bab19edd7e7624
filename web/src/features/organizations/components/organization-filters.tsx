import { Input, Select, Space } from 'antd'
import { ORGANIZATION_TYPES, type OrganizationType } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'

interface OrganizationFiltersProps {
  q: string | undefined
  type: string | undefined
  onChange: (name: 'q' | 'type', value: string | undefined) => void
}

export function OrganizationFilters({ q, type, onChange }: OrganizationFiltersProps) {
  const { t } = useI18n()
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        key={q ?? ''}
        defaultValue={q}
        allowClear
        placeholder={t('organizations.searchPlaceholder')}
        aria-label={t('common.search')}
        onSearch={(value) => onChange('q', value.trim() || undefined)}
        style={{ width: 280 }}
      />
      <Select<OrganizationType>
        value={type as OrganizationType | undefined}
        allowClear
        placeholder={t('organizations.filterType')}
        aria-label={t('organizations.filterType')}
        onChange={(value) => onChange('type', value)}
        options={ORGANIZATION_TYPES.map((value) => ({ value, label: t(`orgType.${value}`) }))}
        style={{ width: 200 }}
      />
    </Space>
  )
}
