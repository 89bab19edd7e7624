import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import type { ReviewShopBody, Shop } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { reviewShop } from '../api/shops'

export type ReviewDecision = ReviewShopBody['decision']

/** The merchant reads the note, so rejecting or suspending needs one. */
const NOTE_REQUIRED: Record<ReviewDecision, boolean> = {
  approve: false,
  reject: true,
  suspend: true,
  reinstate: false,
}

/** Confirms one decision on a shop, with its note. */
export function ReviewShopModal({
  shop,
  decision,
  onClose,
  onDone,
}: {
  shop: Shop
  decision: ReviewDecision
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ note?: string }>()
  const [saving, setSaving] = useState(false)
  const danger = decision === 'reject' || decision === 'suspend'

  async function submit({ note }: { note?: string }) {
    setSaving(true)
    try {
      await reviewShop(shop.id, { decision, ...(note?.trim() ? { note: note.trim() } : {}) })
      void message.success(t('shop.reviewed'))
      onDone()
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t(`shop.confirm.${decision}`, { name: shop.name })}
      okText={t(`shop.decision.${decision}`)}
      okButtonProps={{ danger }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="note"
          label={t('shop.reviewNote')}
          extra={NOTE_REQUIRED[decision] ? t('shop.noteRequired') : undefined}
          rules={[
            { required: NOTE_REQUIRED[decision], whitespace: true, message: t('common.required') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
