import { Form } from 'antd'
import { useI18n } from '../../../../lib/i18n'
import { ProductSelect, type ProductOption } from './product-select'
import { SkuSelect } from './sku-select'

/**
 * The product (searched by title) and then one of its SKUs. `name` is the prefix inside a
 * Form.List row, `path` the same row from the form's root (what useWatch needs).
 */
export function SkuFields({
  name = [],
  path = [],
  products,
}: {
  name?: (string | number)[]
  path?: (string | number)[]
  /** The products already chosen (a promotion being edited), for their labels. */
  products?: ProductOption[] | undefined
}) {
  const { t } = useI18n()
  const form = Form.useFormInstance()
  const productId = Form.useWatch([...path, 'productId'], form) as string | undefined
  return (
    <>
      <Form.Item
        name={[...name, 'productId']}
        label={t('promotions.product')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <ProductSelect {...(products ? { initialOptions: products } : {})} />
      </Form.Item>
      <Form.Item
        name={[...name, 'skuId']}
        label={t('promotions.sku')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <SkuSelect productId={productId} />
      </Form.Item>
    </>
  )
}
