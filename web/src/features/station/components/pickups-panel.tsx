import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { FarmPickup, RegisterPickupBody, Site } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { registerPickup, usePickups } from '../api/station'

type PickupForm = Omit<RegisterPickupBody, 'stationSiteId'>

/** Farm products a villager brings to the station for the next trip back to the hub. */
export function PickupsPanel({ site }: { site: Site }) {
  const { t, language } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<PickupForm>()
  const [version, setVersion] = useState(0)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const pickups = usePickups(version)

  async function save(values: PickupForm) {
    setSaving(true)
    setError(null)
    try {
      await registerPickup({ ...values, stationSiteId: site.id })
      void message.success(t('station.registered'))
      form.resetFields()
      setVersion((n) => n + 1)
    } catch (caught) {
      if (!showFieldErrors(form, caught)) setError(caught)
    } finally {
      setSaving(false)
    }
  }

  const required = [{ required: true, message: t('common.required') }]
  return (
    <>
      <Card size="small" title={t('station.registerPickup')} style={{ marginBottom: 12 }}>
        <Form<PickupForm> form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item name="senderName" label={t('station.senderName')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="senderPhone" label={t('station.senderPhone')} rules={required}>
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item name="product" label={t('station.product')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="pieces" label={t('station.pieces')} rules={required} initialValue={1}>
            <InputNumber min={1} max={1000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="weightKg" label={t('station.weightKg')} rules={required}>
            <InputNumber min={0.01} max={5000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="destinationAddress"
            label={t('station.destinationAddress')}
            rules={required}
          >
            <Input />
          </Form.Item>
          {error !== null && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(error, t)}
              style={{ marginBottom: 12 }}
            />
          )}
          <Button type="primary" htmlType="submit" block loading={saving}>
            {t('station.registerPickup')}
          </Button>
        </Form>
      </Card>
      <List<FarmPickup>
        loading={pickups.loading}
        dataSource={pickups.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('station.noPickups')} />
          ),
        }}
        renderItem={(pickup) => (
          <List.Item extra={<Tag>{t(`pickupStatus.${pickup.status}`)}</Tag>}>
            <List.Item.Meta
              title={`${pickup.product} × ${pickup.pieces}（${pickup.weightKg} kg）`}
              description={
                <Typography.Text type="secondary">
                  {pickup.senderName} · {pickup.destinationAddress} ·{' '}
                  {formatDateTime(pickup.createdAt, language)}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </>
  )
}
