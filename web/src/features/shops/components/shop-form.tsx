import { App, Button, Form, Input } from 'antd'
import { useState } from 'react'
import type { Shop } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { applyForShop, updateShop } from '../api/shops'

interface ShopFormValues {
  name: string
  intro?: string
}

/**
 * The shop's name and introduction. Without a shop, or after a rejection, saving applies
 * (again); otherwise it edits the shop.
 */
export function ShopForm({ shop, onSaved }: { shop: Shop | null; onSaved: () => void }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<ShopFormValues>()
  const [saving, setSaving] = useState(false)
  const applies = !shop || shop.status === 'rejected'

  async function save(values: ShopFormValues) {
    setSaving(true)
    const body = { name: values.name.trim(), intro: values.intro?.trim() ?? '' }
    try {
      if (applies) await applyForShop(body)
      else await updateShop(shop.id, body)
      void message.success(applies ? t('shop.applied') : t('common.saved'))
      onSaved()
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<ShopFormValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{ name: shop?.name, intro: shop?.intro }}
      onFinish={(values) => void save(values)}
    >
      <Form.Item
        name="name"
        label={t('shop.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="intro" label={t('shop.intro')}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {!shop ? t('shop.apply') : applies ? t('shop.reapply') : t('common.save')}
      </Button>
    </Form>
  )
}
