import { App, Button, Form, Input, Select, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import {
  NEXT_STATUSES,
  handleComplaint,
  needsResolution,
  type Complaint,
  type ComplaintStatus,
  type HandledComplaint,
} from '../api/complaints'

interface Values {
  status: ComplaintStatus
  resolution?: string
}

/** Moves a complaint on (open → handling → resolved / dismissed); closing it records the outcome. */
export function HandleComplaintForm({
  complaint,
  onHandled,
}: {
  complaint: Complaint
  /** Gets the plain complaint: the caller keeps the order's number and the shop's name. */
  onHandled: (handled: HandledComplaint) => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const next = NEXT_STATUSES[complaint.status]
  const chosen = Form.useWatch<ComplaintStatus | undefined>('status', form)
  const resolutionRequired = chosen !== undefined && needsResolution(chosen)

  async function submit(values: Values) {
    setSaving(true)
    const resolution = values.resolution?.trim()
    try {
      const handled = await handleComplaint(complaint.id, {
        status: values.status,
        ...(resolution ? { resolution } : {}),
      })
      void message.success(t('complaint.handled'))
      onHandled(handled)
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      aria-label={t('complaint.handle')}
      initialValues={{ status: next[0], resolution: complaint.resolution ?? undefined }}
      onFinish={(values) => void submit(values)}
    >
      <Typography.Title level={5}>{t('complaint.handle')}</Typography.Title>
      <Form.Item name="status" label={t('complaint.nextStatus')} rules={[{ required: true }]}>
        <Select<ComplaintStatus>
          options={next.map((value) => ({ value, label: t(`complaint.status.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="resolution"
        label={t('complaint.resolution')}
        extra={t('complaint.resolutionHint')}
        rules={[
          {
            required: resolutionRequired,
            whitespace: true,
            message: t('complaint.resolutionRequired'),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('complaint.submit')}
      </Button>
    </Form>
  )
}
