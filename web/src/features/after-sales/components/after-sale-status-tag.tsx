import { Tag } from 'antd'
import { useI18n } from '../../../lib/i18n'
import type { AfterSaleStatus } from '../api/after-sales'

const COLOR: Record<AfterSaleStatus, string> = {
  awaiting_merchant: 'gold',
  escalated: 'red',
  awaiting_return: 'orange',
  returning: 'purple',
  approved: 'blue',
  rejected: 'default',
  refunded: 'green',
}

export function AfterSaleStatusTag({ status }: { status: AfterSaleStatus }) {
  const { t } = useI18n()
  return <Tag color={COLOR[status]}>{t(`afterSale.status.${status}`)}</Tag>
}
