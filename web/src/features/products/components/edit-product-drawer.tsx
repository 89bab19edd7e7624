import { App, Button, Divider, Drawer, Form, Spin, Typography } from 'antd'
import { useState } from 'react'
import { LoadErrorResult } from '../../../components/status-result'
import type { ProductDetail } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { useRequest } from '../../../lib/use-request'
import type { CatalogOptions } from '../api/catalog-options'
import { getProduct, updateProduct } from '../api/products'
import { ProductFields, type ProductFormValues } from './product-fields'
import { toProductBody, toProductFormValues } from './product-form-values'
import { ProductImages } from './product-images'
import { SkuTable } from './sku-table'

/** One product: its fields, SKUs and images. `onChanged` lets the list follow along. */
export function EditProductDrawer({
  productId,
  options,
  onClose,
  onChanged,
}: {
  productId: string
  options: CatalogOptions
  onClose: () => void
  onChanged: () => void
}) {
  const { t } = useI18n()
  const loaded = useRequest((signal) => getProduct(productId, signal), productId)
  const [latest, setLatest] = useState<ProductDetail>()
  const product = latest ?? loaded.data
  const changed = (next: ProductDetail) => {
    setLatest(next)
    onChanged()
  }

  return (
    <Drawer open size="large" title={t('product.edit')} onClose={onClose} destroyOnHidden>
      {loaded.error ? (
        <LoadErrorResult error={loaded.error} onRetry={loaded.reload} />
      ) : !product ? (
        <Spin />
      ) : (
        <>
          <ProductForm product={product} options={options} onSaved={changed} />
          <Divider />
          <Typography.Title level={5}>{t('product.skus')}</Typography.Title>
          <SkuTable product={product} onChanged={changed} />
          <Divider />
          <Typography.Title level={5}>{t('product.images')}</Typography.Title>
          <ProductImages
            productId={product.id}
            images={product.images}
            onChanged={() => void getProduct(product.id).then(changed)}
          />
        </>
      )}
    </Drawer>
  )
}

function ProductForm({
  product,
  options,
  onSaved,
}: {
  product: ProductDetail
  options: CatalogOptions
  onSaved: (product: ProductDetail) => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<ProductFormValues>()
  const [saving, setSaving] = useState(false)

  async function save(values: ProductFormValues) {
    setSaving(true)
    try {
      onSaved(await updateProduct(product.id, toProductBody(values)))
      void message.success(t('common.saved'))
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<ProductFormValues>
      form={form}
      layout="vertical"
      initialValues={toProductFormValues(product)}
      onFinish={(values) => void save(values)}
    >
      <ProductFields options={options} />
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('common.save')}
      </Button>
    </Form>
  )
}
