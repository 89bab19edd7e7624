import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Form, Input, InputNumber, Space, Spin, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { LoadErrorResult } from '../../../components/status-result'
import type { CountySettings, KpiTarget } from '../../../lib/api-types'
import { forgetCounty } from '../../../lib/county'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { useRequest } from '../../../lib/use-request'
import { getCountySettings, updateCountySettings } from '../api/county-settings'

interface CountyForm {
  name: string
  smsSignature: string
  brandName: string
  kpiTargets: KpiTarget[]
}

/** 县域设置: the county's name, SMS signature, public brand and KPI targets (issue 15, PLAT). */
export function CountySettingsPage() {
  const { t, language } = useI18n()
  const { message } = App.useApp()
  const settings = useRequest((signal) => getCountySettings(signal), 'county-settings')
  const [saved, setSaved] = useState<CountySettings>()
  const current = saved ?? settings.data
  const [form] = Form.useForm<CountyForm>()
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (current) form.setFieldsValue(current)
  }, [current, form])

  if (settings.error) return <LoadErrorResult error={settings.error} onRetry={settings.reload} />
  if (!current) return <Spin />

  async function save(values: CountyForm) {
    setSaving(true)
    try {
      setSaved(
        await updateCountySettings({
          name: values.name.trim(),
          smsSignature: values.smsSignature.trim(),
          brandName: values.brandName.trim(),
          kpiTargets: values.kpiTargets.map((k) => ({
            ...k,
            key: k.key.trim(),
            unit: k.unit.trim(),
          })),
        }),
      )
      forgetCounty()
      void message.success(t('county.saved'))
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
    } finally {
      setSaving(false)
    }
  }

  const required = { required: true, whitespace: true, message: t('common.required') }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('county.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('county.intro')}</Typography.Paragraph>
      <Card size="small">
        <Form<CountyForm>
          form={form}
          layout="vertical"
          initialValues={current}
          onFinish={(values) => void save(values)}
        >
          <Form.Item label={t('county.code')}>
            <Typography.Text strong data-testid="county-code">
              {current.code}
            </Typography.Text>
          </Form.Item>
          <Form.Item name="name" label={t('county.name')} rules={[required]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="smsSignature"
            label={t('county.smsSignature')}
            extra={t('county.smsSignatureHint')}
            rules={[required]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="brandName"
            label={t('county.brandName')}
            extra={t('county.brandNameHint')}
            rules={[required]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Typography.Title level={5}>{t('county.kpiTargets')}</Typography.Title>
          <Form.List name="kpiTargets">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 && (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('county.kpiEmpty')} />
                )}
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'key']} rules={[required]}>
                      <Input placeholder={t('county.kpiKey')} aria-label={t('county.kpiKey')} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'target']}
                      rules={[{ required: true, message: t('common.required') }]}
                    >
                      <InputNumber
                        min={0}
                        placeholder={t('county.kpiTarget')}
                        aria-label={t('county.kpiTarget')}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'unit']} rules={[required]}>
                      <Input
                        placeholder={t('county.kpiUnit')}
                        aria-label={t('county.kpiUnit')}
                        maxLength={20}
                        style={{ width: 100 }}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('county.kpiRemove')}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Form.Item>
                  <Button icon={<PlusOutlined />} onClick={() => add({ key: '', unit: '' })}>
                    {t('county.kpiAdd')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common.save')}
            </Button>
            <Typography.Text type="secondary">
              {t('county.updatedAt')}: {formatDateTime(current.updatedAt, language)}
            </Typography.Text>
          </Space>
        </Form>
      </Card>
    </Space>
  )
}
