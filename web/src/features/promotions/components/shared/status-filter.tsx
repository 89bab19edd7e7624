import { Select } from 'antd'
import { useI18n } from '../../../../lib/i18n'
import type { PromotionStatus } from './promotion-status-tag'

/** The list's status filter; empty shows every status. */
export function StatusFilter<S extends PromotionStatus>({
  statuses,
  value,
  onChange,
}: {
  statuses: readonly S[]
  value: S | undefined
  onChange: (status: S | undefined) => void
}) {
  const { t } = useI18n()
  return (
    <Select<S | ''>
      aria-label={t('common.status')}
      value={value ?? ''}
      onChange={(status) => onChange(status === '' ? undefined : status)}
      options={[
        { value: '', label: t('common.all') },
        ...statuses.map((status) => ({ value: status, label: t(`promotions.status.${status}`) })),
      ]}
      style={{ width: 140 }}
    />
  )
}

/** A status from the URL, if it is one of the list's. */
export const parseStatus = <S extends string>(statuses: readonly S[], raw: string | undefined) =>
  statuses.find((status) => status === raw)
