import { Checkbox, Input, Select, Space } from 'antd'
import { PARCEL_STATUSES } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { useAllianceCarriers, useTownships } from '../../../lib/reference-data'

export type ParcelFilterName =
  'q' | 'status' | 'carrierId' | 'townshipCode' | 'unmatched' | 'promise'

interface ParcelFiltersProps {
  filters: Record<ParcelFilterName, string | undefined>
  onChange: (name: ParcelFilterName, value: string | undefined) => void
}

export function ParcelFilters({ filters, onChange }: ParcelFiltersProps) {
  const { t } = useI18n()
  const carriers = useAllianceCarriers().data ?? []
  const townships = useTownships()
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        allowClear
        placeholder={t('parcels.searchPlaceholder')}
        aria-label={t('common.search')}
        onSearch={(value) => onChange('q', value.trim() || undefined)}
        style={{ width: 220 }}
      />
      <Select<string>
        value={filters.status}
        allowClear
        placeholder={t('parcels.filterStatus')}
        aria-label={t('parcels.filterStatus')}
        onChange={(value) => onChange('status', value)}
        options={PARCEL_STATUSES.map((status) => ({
          value: status,
          label: t(`parcelStatus.${status}`),
        }))}
        style={{ width: 160 }}
      />
      {carriers.length > 0 && (
        <Select<string>
          value={filters.carrierId}
          allowClear
          placeholder={t('parcels.filterCarrier')}
          aria-label={t('parcels.filterCarrier')}
          onChange={(value) => onChange('carrierId', value)}
          options={carriers.map((carrier) => ({ value: carrier.id, label: carrier.name }))}
          style={{ width: 200 }}
        />
      )}
      <Select<string>
        value={filters.townshipCode}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('parcels.filterTownship')}
        aria-label={t('parcels.filterTownship')}
        onChange={(value) => onChange('townshipCode', value)}
        options={townships.map((township) => ({ value: township.code, label: township.name }))}
        style={{ width: 160 }}
      />
      <Select<string>
        value={filters.promise}
        allowClear
        placeholder={t('parcels.filterPromise')}
        aria-label={t('parcels.filterPromise')}
        onChange={(value) => onChange('promise', value)}
        options={(['at_risk', 'breached'] as const).map((promise) => ({
          value: promise,
          label: t(`parcels.promise.${promise}`),
        }))}
        style={{ width: 140 }}
      />
      <Checkbox
        checked={filters.unmatched === 'true'}
        onChange={(event) => onChange('unmatched', event.target.checked ? 'true' : undefined)}
      >
        {t('parcels.unmatchedOnly')}
      </Checkbox>
    </Space>
  )
}
