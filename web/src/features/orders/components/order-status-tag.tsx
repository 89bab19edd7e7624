import { Tag } from 'antd'
import type { OrderStatus } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'

const COLOR: Record<OrderStatus, string> = {
  created: 'gold',
  paid: 'blue',
  ready_for_pickup: 'cyan',
  shipped: 'geekblue',
  completed: 'green',
  cancelled: 'default',
  refunding: 'orange',
  refunded: 'purple',
}

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useI18n()
  return <Tag color={COLOR[status]}>{t(`order.status.${status}`)}</Tag>
}
