import { Tag } from 'antd'
import { useI18n } from '../../../lib/i18n'
import type { ComplaintKind, ComplaintStatus } from '../api/complaints'

const STATUS_COLOR: Record<ComplaintStatus, string> = {
  open: 'gold',
  handling: 'blue',
  resolved: 'green',
  dismissed: 'default',
}
const KIND_COLOR: Record<ComplaintKind, string> = {
  complaint: 'default',
  counterfeit: 'volcano',
  fraud: 'red',
}

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useI18n()
  return <Tag color={STATUS_COLOR[status]}>{t(`complaint.status.${status}`)}</Tag>
}

export function ComplaintKindTag({ kind }: { kind: ComplaintKind }) {
  const { t } = useI18n()
  return <Tag color={KIND_COLOR[kind]}>{t(`complaint.kind.${kind}`)}</Tag>
}
