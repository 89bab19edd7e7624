import { App, Form, Modal } from 'antd'
import { useState } from 'react'
import type { ProductDetail, Sku } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { addSku, updateSku } from '../api/products'
import { SkuFields, toSkuFormValues, toSkuInput, type SkuFormValues } from './sku-fields'

/** Adds a SKU to a product, or edits one (`sku`). */
export function SkuModal({
  productId,
  sku,
  onClose,
  onSaved,
}: {
  productId: string
  sku: Sku | null
  onClose: () => void
  onSaved: (product: ProductDetail) => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<SkuFormValues>()
  const [saving, setSaving] = useState(false)

  async function save(values: SkuFormValues) {
    setSaving(true)
    try {
      const body = toSkuInput(values)
      const product = sku ? await updateSku(productId, sku.id, body) : await addSku(productId, body)
      void message.success(t('common.saved'))
      onSaved(product)
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={sku ? `${t('common.edit')} · ${sku.spec}` : t('sku.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<SkuFormValues>
        form={form}
        layout="vertical"
        initialValues={sku ? toSkuFormValues(sku) : undefined}
        onFinish={(values) => void save(values)}
      >
        <SkuFields />
      </Form>
    </Modal>
  )
}
