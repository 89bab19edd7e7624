import { Alert, App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { fenToYuanText, formatYuan, yuanToFen } from '../../../lib/format'
import { useI18n, type MessageKey } from '../../../lib/i18n'
import { decideAfterSale, respondToAfterSale, type AfterSale } from '../api/after-sales'

/** Who decides: the merchant answers (`respond`), the operating company decides (`decide`). */
export type Decider = 'respond' | 'decide'
export type Decision = 'approve' | 'reject'

interface Values {
  amountYuan?: string
  note?: string
}

const TITLE: Record<Decider, Record<Decision, MessageKey>> = {
  respond: { approve: 'afterSale.confirmApprove', reject: 'afterSale.confirmReject' },
  decide: { approve: 'afterSale.confirmDecideApprove', reject: 'afterSale.confirmDecideReject' },
}
/** The buttons that open this modal, and its OK button. */
export const DECISION_LABEL: Record<Decider, Record<Decision, MessageKey>> = {
  respond: { approve: 'afterSale.approve', reject: 'afterSale.reject' },
  decide: { approve: 'afterSale.decideApprove', reject: 'afterSale.decideReject' },
}

/**
 * Confirms one decision on a request. Approving refunds the amount typed in yuan (sent as fen),
 * at most what the buyer asked for; refusing needs a reason the buyer reads.
 */
export function DecisionModal({
  request,
  decider,
  decision,
  onClose,
  onDone,
}: {
  request: AfterSale
  decider: Decider
  decision: Decision
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const max = formatYuan(request.amountFen)

  async function submit(values: Values) {
    setSaving(true)
    const note = values.note?.trim()
    const amountFen = decision === 'approve' ? yuanToFen(values.amountYuan ?? '') : null
    const body = {
      decision,
      ...(note ? { note } : {}),
      ...(amountFen !== null ? { amountFen } : {}),
    }
    try {
      await (decider === 'respond'
        ? respondToAfterSale(request.id, body)
        : decideAfterSale(request.id, body))
      void message.success(t('afterSale.done'))
      onDone()
    } catch (error) {
      // The server names the amount in fen; the form shows it in yuan.
      const amountError = isApiError(error)
        ? error.fieldErrors.find((fieldError) => fieldError.field === 'amountFen')
        : undefined
      if (amountError) form.setFields([{ name: 'amountYuan', errors: [amountError.message] }])
      else if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t(TITLE[decider][decision], { order: request.orderNo })}
      okText={t(DECISION_LABEL[decider][decision])}
      okButtonProps={{ danger: decision === 'reject' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {decider === 'decide' && (
        <Alert
          type="warning"
          showIcon
          title={t('afterSale.finalWarning')}
          style={{ marginBottom: 16 }}
        />
      )}
      {decider === 'respond' && decision === 'reject' && (
        <Alert
          type="info"
          showIcon
          title={t('afterSale.refuseHint')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amountYuan: fenToYuanText(request.amountFen) }}
        onFinish={(values) => void submit(values)}
      >
        {decision === 'approve' && (
          <Form.Item
            name="amountYuan"
            label={t('afterSale.refundYuan')}
            extra={t('afterSale.refundHint', { max })}
            rules={[
              {
                validator: (_, value: string | undefined) => {
                  const fen = yuanToFen(value ?? '')
                  return fen !== null && fen >= 1 && fen <= request.amountFen
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(
                          t('afterSale.amountInvalid', { max: fenToYuanText(request.amountFen) }),
                        ),
                      )
                },
              },
            ]}
          >
            <Input inputMode="decimal" prefix="¥" />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('afterSale.note')}
          rules={[
            {
              required: decision === 'reject',
              whitespace: true,
              message: t('afterSale.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
