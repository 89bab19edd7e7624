import { DatePicker, Select, Space } from 'antd'
import dayjs from 'dayjs'
import { useI18n } from '../../../lib/i18n'
import { actionLabel, entityTypeLabel, KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from './audit-labels'
import { ActorSelect } from './actor-select'

type FilterName = 'action' | 'entityType' | 'actorUserId' | 'fromDay' | 'toDay'

interface AuditFiltersProps {
  filters: Record<FilterName, string | undefined>
  onChange: (name: FilterName, value: string | undefined) => void
  onChangeDays: (fromDay: string | undefined, toDay: string | undefined) => void
}

const DAY = 'YYYY-MM-DD'

export function AuditFilters({ filters, onChange, onChangeDays }: AuditFiltersProps) {
  const { t } = useI18n()
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select<string>
        value={filters.action}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.filterAction')}
        aria-label={t('audit.filterAction')}
        onChange={(value) => onChange('action', value)}
        options={KNOWN_ACTIONS.map((action) => ({ value: action, label: actionLabel(t, action) }))}
        style={{ width: 200 }}
      />
      <Select<string>
        value={filters.entityType}
        allowClear
        placeholder={t('audit.filterEntityType')}
        aria-label={t('audit.filterEntityType')}
        onChange={(value) => onChange('entityType', value)}
        options={KNOWN_ENTITY_TYPES.map((type) => ({
          value: type,
          label: entityTypeLabel(t, type),
        }))}
        style={{ width: 180 }}
      />
      <DatePicker.RangePicker
        aria-label={t('audit.filterDates')}
        value={[
          filters.fromDay ? dayjs(filters.fromDay) : null,
          filters.toDay ? dayjs(filters.toDay) : null,
        ]}
        onChange={(range) => onChangeDays(range?.[0]?.format(DAY), range?.[1]?.format(DAY))}
      />
      <ActorSelect
        value={filters.actorUserId}
        onChange={(value) => onChange('actorUserId', value)}
      />
    </Space>
  )
}
