import { Tag } from 'antd'
import type { ProductStatus } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'

const COLOR: Record<ProductStatus, string> = {
  draft: 'default',
  on_sale: 'green',
  off_sale: 'orange',
}

export function ProductStatusTag({ status }: { status: ProductStatus }) {
  const { t } = useI18n()
  return <Tag color={COLOR[status]}>{t(`product.status.${status}`)}</Tag>
}
