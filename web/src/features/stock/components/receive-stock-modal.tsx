import { App, Form, Input, InputNumber, Modal, Select } from 'antd'
import { useEffect, useState } from 'react'
import type { PickupPoint, ProductCard, Sku } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { getProductSkus, receiveStock, searchProducts } from '../api/stock'

interface ReceiveForm {
  productId: string
  skuId: string
  locationId: string
  quantity: number
  note?: string
}

/** Books goods in: pick the product, its SKU and where the goods arrived. */
export function ReceiveStockModal({
  locations,
  onClose,
  onReceived,
}: {
  locations: PickupPoint[]
  onClose: () => void
  onReceived: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<ReceiveForm>()
  const [saving, setSaving] = useState(false)
  const [query, setQuery] = useState('')
  const [products, setProducts] = useState<ProductCard[]>([])
  const [skus, setSkus] = useState<Sku[]>([])
  const productId = Form.useWatch('productId', form)

  useEffect(() => {
    let current = true
    searchProducts(query).then(
      (page) => current && setProducts(page.items),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [query])

  useEffect(() => {
    setSkus([])
    form.setFieldValue('skuId', undefined)
    if (!productId) return
    let current = true
    getProductSkus(productId).then(
      (product) => {
        if (!current) return
        const active = product.skus.filter((sku) => sku.active)
        setSkus(active)
        if (active.length === 1) form.setFieldValue('skuId', active[0]?.id)
      },
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [productId, form])

  async function save(values: ReceiveForm) {
    setSaving(true)
    const receipt = {
      skuId: values.skuId,
      locationId: values.locationId,
      quantity: values.quantity,
      note: values.note?.trim() || undefined,
    }
    try {
      await receiveStock(receipt)
      void message.success(t('stock.received.done', { quantity: receipt.quantity }))
      onReceived()
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  const required = { required: true, message: t('common.required') }
  return (
    <Modal
      open
      title={t('stock.receive')}
      okText={t('stock.receive')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ReceiveForm> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="productId" label={t('stock.product')} rules={[required]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQuery }}
            options={products.map((product) => ({ value: product.id, label: product.title }))}
          />
        </Form.Item>
        <Form.Item name="skuId" label={t('stock.sku')} rules={[required]}>
          <Select
            disabled={skus.length === 0}
            options={skus.map((sku) => ({
              value: sku.id,
              label: `${sku.spec} · ${formatYuan(sku.priceFen)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="locationId" label={t('stock.location')} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={locations.map((location) => ({
              value: location.id,
              label: `${t(`stock.kind.${location.kind}`)} · ${location.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="quantity" label={t('stock.quantity')} rules={[required]}>
          <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('stock.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
