import { App, Button, Card, Form, InputNumber, Spin } from 'antd'
import { useState } from 'react'
import { LoadErrorResult } from '../../../components/status-result'
import { errorMessage } from '../../../lib/error-message'
import { useI18n } from '../../../lib/i18n'
import { saveFeeRule, useFeeRule } from '../api/statements'

interface FeeRuleForm {
  perParcelYuan: number
  perKgYuan: number
  freeKg: number
}

/** People edit yuan; the API keeps fen. */
const toFen = (yuan: number) => Math.round(yuan * 100)

/** The carrier's fee rule, for the operating company (`network:write`). */
export function FeeRuleCard({ carrierId, onSaved }: { carrierId: string; onSaved: () => void }) {
  const { t } = useI18n()
  const rule = useFeeRule(carrierId)
  return (
    <Card size="small" title={t('statements.feeRule')} style={{ marginTop: 16 }}>
      {rule.error ? (
        <LoadErrorResult error={rule.error} onRetry={rule.reload} />
      ) : !rule.data || rule.loading ? (
        <Spin />
      ) : (
        <FeeRuleEditor
          key={`${carrierId}:${JSON.stringify(rule.data)}`}
          carrierId={carrierId}
          initial={{
            perParcelYuan: rule.data.perParcelFen / 100,
            perKgYuan: rule.data.perKgFen / 100,
            freeKg: rule.data.freeKg,
          }}
          onSaved={() => {
            rule.reload()
            onSaved()
          }}
        />
      )}
    </Card>
  )
}

function FeeRuleEditor({
  carrierId,
  initial,
  onSaved,
}: {
  carrierId: string
  initial: FeeRuleForm
  onSaved: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<FeeRuleForm>()
  const [saving, setSaving] = useState(false)

  async function save(values: FeeRuleForm) {
    setSaving(true)
    try {
      await saveFeeRule(carrierId, {
        perParcelFen: toFen(values.perParcelYuan),
        perKgFen: toFen(values.perKgYuan),
        freeKg: values.freeKg,
      })
      void message.success(t('common.saved'))
      onSaved()
    } catch (error) {
      // The server names the fen fields; the form shows yuan, so a toast says what is wrong.
      void message.error(errorMessage(error, t))
    } finally {
      setSaving(false)
    }
  }

  const required = [{ required: true, message: t('common.required') }]
  return (
    <Form<FeeRuleForm>
      form={form}
      layout="inline"
      initialValues={initial}
      onFinish={(values) => void save(values)}
    >
      <Form.Item name="perParcelYuan" label={t('statements.perParcel')} rules={required}>
        <InputNumber min={0} max={1000} step={0.1} precision={2} />
      </Form.Item>
      <Form.Item name="perKgYuan" label={t('statements.perKg')} rules={required}>
        <InputNumber min={0} max={1000} step={0.1} precision={2} />
      </Form.Item>
      <Form.Item name="freeKg" label={t('statements.freeKg')} rules={required}>
        <InputNumber min={0} max={100} step={1} precision={0} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('statements.saveRule')}
        </Button>
      </Form.Item>
    </Form>
  )
}
