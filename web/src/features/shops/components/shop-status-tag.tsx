import { Tag } from 'antd'
import type { ShopStatus } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'

const COLOR: Record<ShopStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  suspended: 'default',
}

export function ShopStatusTag({ status }: { status: ShopStatus }) {
  const { t } = useI18n()
  return <Tag color={COLOR[status]}>{t(`shop.status.${status}`)}</Tag>
}
