import { Tag } from 'antd'
import type { SmsStatus } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'

const COLOR: Record<SmsStatus, string> = {
  pending: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
}

export function SmsStatusTag({ status }: { status: SmsStatus }) {
  const { t } = useI18n()
  return <Tag color={COLOR[status]}>{t(`sms.status.${status}`)}</Tag>
}
