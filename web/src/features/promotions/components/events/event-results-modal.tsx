import { App, Form, Input, InputNumber, Modal } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../../lib/error-message'
import { useI18n } from '../../../../lib/i18n'
import { recordEventResults, type PromotionEvent } from '../../api/events'
import { showServerFieldErrors } from '../shared/field-errors'
import { toFen, yuanRule } from '../shared/yuan'

interface Values {
  visitors: number
  ordersCount: number
  salesYuan: string
  note?: string
}

/** What came of an event: visitors, orders and sales (typed in yuan, sent as fen). */
export function EventResultsModal({
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
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)

  async function submit(values: Values) {
    setSaving(true)
    const note = values.note?.trim()
    try {
      await recordEventResults(event.id, {
        visitors: values.visitors,
        ordersCount: values.ordersCount,
        salesFen: toFen(values.salesYuan),
        ...(note ? { note } : {}),
      })
      void message.success(t('promotions.done'))
      onDone()
    } catch (error) {
      if (!showServerFieldErrors(form, error, { salesFen: 'salesYuan' }))
        void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  const required = { required: true, message: t('common.required') }
  return (
    <Modal
      open
      title={t('event.resultsTitle', { title: event.title })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="visitors" label={t('event.visitors')} rules={[required]}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ordersCount" label={t('event.ordersCount')} rules={[required]}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="salesYuan" label={t('event.sales')} required rules={[yuanRule(t, 0)]}>
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
        <Form.Item name="note" label={t('event.note')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
