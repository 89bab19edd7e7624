import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../../lib/error-message'
import { useI18n } from '../../../../lib/i18n'
import { cancelEvent, type PromotionEvent } from '../../api/events'
import { showServerFieldErrors } from '../shared/field-errors'

/** Cancels a planned event; the reason goes into the yearly sheet. */
export function EventCancelModal({
  event,
  onClose,
  onDone,
}: {
  event: PromotionEvent
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ reason: string }>()
  const [saving, setSaving] = useState(false)

  async function submit({ reason }: { reason: string }) {
    setSaving(true)
    try {
      await cancelEvent(event.id, reason.trim())
      void message.success(t('promotions.done'))
      onDone()
    } catch (error) {
      if (!showServerFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('event.cancelTitle', { title: event.title })}
      okText={t('event.cancel')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.close')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('event.cancelReason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
