import { Tag } from 'antd'
import { useI18n } from '../../../../lib/i18n'

export type PromotionStatus =
  | 'draft'
  | 'scheduled'
  | 'active'
  | 'open'
  | 'paused'
  | 'ended'
  | 'settled'
  | 'failed'
  | 'planned'
  | 'held'
  | 'cancelled'

const COLOR: Record<PromotionStatus, string | undefined> = {
  draft: undefined,
  scheduled: 'blue',
  active: 'green',
  open: 'green',
  paused: 'orange',
  ended: undefined,
  settled: 'green',
  failed: 'red',
  planned: 'blue',
  held: 'green',
  cancelled: undefined,
}

export function PromotionStatusTag({ status }: { status: PromotionStatus }) {
  const { t } = useI18n()
  return <Tag color={COLOR[status]}>{t(`promotions.status.${status}`)}</Tag>
}
