import { Tag } from 'antd'
import type { ParcelStatus } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'

const COLOR: Record<ParcelStatus, string> = {
  announced: 'default',
  received: 'blue',
  sorted: 'cyan',
  loaded: 'geekblue',
  in_transit: 'purple',
  at_station: 'orange',
  picked_up: 'green',
  returned: 'red',
}

export function ParcelStatusTag({ status }: { status: ParcelStatus }) {
  const { t } = useI18n()
  return <Tag color={COLOR[status]}>{t(`parcelStatus.${status}`)}</Tag>
}
