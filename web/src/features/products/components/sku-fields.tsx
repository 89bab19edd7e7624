import { Form, Input, InputNumber } from 'antd'
import type { Sku, SkuInput } from '../../../lib/api-types'
import { fenToYuanText, yuanToFen } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'

/** A SKU as the form holds it: the price as the yuan typed, converted to fen without floats. */
export interface SkuFormValues {
  spec: string
  unit: string
  priceYuan: string
  weightG: number
  volumeCm3: number
  barcode?: string
}

export function toSkuInput(values: SkuFormValues): SkuInput {
  return {
    spec: values.spec.trim(),
    unit: values.unit.trim(),
    priceFen: yuanToFen(values.priceYuan) ?? 0,
    weightG: values.weightG,
    volumeCm3: values.volumeCm3,
    ...(values.barcode?.trim() ? { barcode: values.barcode.trim() } : {}),
  }
}

export const toSkuFormValues = (sku: Sku): SkuFormValues => ({
  spec: sku.spec,
  unit: sku.unit,
  priceYuan: fenToYuanText(sku.priceFen),
  weightG: sku.weightG,
  volumeCm3: sku.volumeCm3,
  barcode: sku.barcode ?? undefined,
})

/** The fields of one SKU; inside a Form.List `name` is the row's index. */
export function SkuFields({ name }: { name?: number }) {
  const { t } = useI18n()
  const path = (field: keyof SkuFormValues) => (name === undefined ? [field] : [name, field])
  const required = { required: true, message: t('common.required') }
  return (
    <>
      <Form.Item
        name={path('spec')}
        label={t('sku.spec')}
        rules={[{ ...required, whitespace: true }]}
      >
        <Input maxLength={60} placeholder="500g×2袋" />
      </Form.Item>
      <Form.Item
        name={path('unit')}
        label={t('sku.unit')}
        rules={[{ ...required, whitespace: true }]}
      >
        <Input maxLength={10} placeholder="袋" />
      </Form.Item>
      <Form.Item
        name={path('priceYuan')}
        label={t('sku.priceYuan')}
        rules={[
          required,
          {
            validator: (_, value: string | undefined) =>
              !value || yuanToFen(value) !== null
                ? Promise.resolve()
                : Promise.reject(new Error(t('sku.priceInvalid'))),
          },
        ]}
      >
        <Input inputMode="decimal" prefix="¥" />
      </Form.Item>
      <Form.Item name={path('weightG')} label={t('sku.weightG')} rules={[required]}>
        <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name={path('volumeCm3')} label={t('sku.volumeCm3')} rules={[required]}>
        <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name={path('barcode')} label={t('sku.barcode')}>
        <Input maxLength={32} />
      </Form.Item>
    </>
  )
}
