import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Drawer, Form, Select } from 'antd'
import { useState } from 'react'
import type { ProductDetail } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import type { CatalogOptions } from '../api/catalog-options'
import { createProduct } from '../api/products'
import { ProductFields, type ProductFormValues } from './product-fields'
import { toProductBody } from './product-form-values'
import { SkuFields, toSkuInput, type SkuFormValues } from './sku-fields'

interface CreateProductValues extends ProductFormValues {
  shopId?: string
  skus: SkuFormValues[]
}

/** A new product with its first SKUs; it starts as a draft. */
export function CreateProductDrawer({
  options,
  onClose,
  onCreated,
}: {
  options: CatalogOptions
  onClose: () => void
  onCreated: (product: ProductDetail) => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<CreateProductValues>()
  const [saving, setSaving] = useState(false)
  const shops = options.shops.filter((shop) => shop.status === 'approved')

  async function save(values: CreateProductValues) {
    setSaving(true)
    try {
      const product = await createProduct({
        ...(values.shopId ? { shopId: values.shopId } : {}),
        ...toProductBody(values),
        skus: values.skus.map(toSkuInput),
      })
      void message.success(t('product.created'))
      onCreated(product)
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Drawer
      open
      size="large"
      title={t('product.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" loading={saving} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Form<CreateProductValues>
        form={form}
        layout="vertical"
        initialValues={{ localKind: '', shopId: shops[0]?.id, skus: [{}] }}
        onFinish={(values) => void save(values)}
      >
        {shops.length > 1 && (
          <Form.Item name="shopId" label={t('product.shop')} rules={[{ required: true }]}>
            <Select options={shops.map((shop) => ({ value: shop.id, label: shop.name }))} />
          </Form.Item>
        )}
        <ProductFields options={options} />
        <Form.List name="skus">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`${t('product.skus')} ${index + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined aria-hidden />}
                        aria-label={t('common.remove')}
                        onClick={() => remove(field.name)}
                      />
                    )
                  }
                >
                  <SkuFields name={field.name} />
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add()} block>
                {t('sku.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  )
}
