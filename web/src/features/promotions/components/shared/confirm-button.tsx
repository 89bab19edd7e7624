import { Button, Popconfirm } from 'antd'
import { useI18n } from '../../../../lib/i18n'

/** A state change behind a confirmation: the operator reads what it does before it happens. */
export function ConfirmButton({
  label,
  title,
  danger,
  onConfirm,
}: {
  label: string
  title: string
  danger?: boolean
  onConfirm: () => Promise<unknown>
}) {
  const { t } = useI18n()
  return (
    <Popconfirm
      title={title}
      okText={label}
      okButtonProps={{ danger }}
      cancelText={t('common.cancel')}
      onConfirm={() => void onConfirm()}
    >
      <Button type="link" size="small" danger={danger}>
        {label}
      </Button>
    </Popconfirm>
  )
}
