import { useSession } from '../../../../lib/session'
import { Button, Space } from 'antd'
import { useI18n, type MessageKey } from '../../../../lib/i18n'
import { ConfirmButton } from './confirm-button'

/** A status change a row offers: its button's label and the question that confirms it. */
export interface StatusMove<To extends string> {
  label: MessageKey
  confirm: MessageKey
  danger?: boolean
  to: To
}

// The moves every promotion has; each page adds its own first step (schedule, activate, open).
export const pause = <To extends string>(to: To): StatusMove<To> => ({
  label: 'promotions.pause',
  confirm: 'promotions.confirmPause',
  to,
})
export const resume = <To extends string>(to: To): StatusMove<To> => ({
  label: 'promotions.resume',
  confirm: 'promotions.confirmResume',
  to,
})
export const end = <To extends string>(to: To): StatusMove<To> => ({
  label: 'promotions.end',
  confirm: 'promotions.confirmEnd',
  danger: true,
  to,
})

/**
 * A row's status changes, each behind a confirmation naming the promotion, its 编辑 when the row
 * may still be edited (`onEdit`; the form's 保存 confirms), and its report.
 */
export function StatusActions<To extends string>({
  title,
  moves,
  onMove,
  onEdit,
  onReport,
}: {
  title: string
  moves: readonly StatusMove<To>[]
  onMove: (to: To) => Promise<unknown>
  onEdit?: (() => void) | undefined
  onReport: () => void
}) {
  const { t } = useI18n()
  // The bureau sees the report only: status changes are the operator's.
  const canManage = useSession().can('promotions:manage')
  return (
    <Space size={0} wrap>
      {canManage && onEdit && (
        <Button type="link" size="small" onClick={onEdit}>
          {t('promotions.edit')}
        </Button>
      )}
      {(canManage ? moves : []).map((move) => (
        <ConfirmButton
          key={move.label}
          label={t(move.label)}
          title={t(move.confirm, { title })}
          onConfirm={() => onMove(move.to)}
          {...(move.danger ? { danger: true } : {})}
        />
      ))}
      <Button type="link" size="small" onClick={onReport}>
        {t('promotions.report')}
      </Button>
    </Space>
  )
}
