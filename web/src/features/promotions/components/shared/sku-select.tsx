import { Select } from 'antd'
import { useEffect } from 'react'
import type { Sku } from '../../../../lib/api-types'
import { formatYuan } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import { useRequest } from '../../../../lib/use-request'
import { getProduct } from '../../api/catalog'

interface SkuSelectProps {
  id?: string
  productId: string | undefined
  value?: string
  onChange?: (skuId: string | undefined) => void
  /** The chosen SKU, for forms that compare prices with its normal price. */
  onSku?: (sku: Sku | undefined) => void
}

/** The active SKUs of the chosen product, each with its normal price. */
export function SkuSelect({ id, productId, value, onChange, onSku }: SkuSelectProps) {
  const { t } = useI18n()
  const product = useRequest(
    (signal) => (productId ? getProduct(productId, signal) : Promise.resolve(undefined)),
    productId ?? '',
  )
  const skus = product.data?.id === productId ? (product.data?.skus ?? []) : []
  const active = skus.filter((sku) => sku.active)
  const current = active.find((sku) => sku.id === value)

  // A SKU of the product chosen before is no SKU of this one; one SKU alone is the choice.
  useEffect(() => {
    if (product.loading) return
    if (value && !current) onChange?.(undefined)
    else if (!value && active.length === 1) onChange?.(active[0]?.id)
  }, [product.loading, value, current, active, onChange])
  useEffect(() => onSku?.(current), [current, onSku])

  return (
    <Select<string>
      id={id}
      value={current ? value : undefined}
      onChange={(skuId) => onChange?.(skuId)}
      loading={product.loading && Boolean(productId)}
      disabled={!productId}
      placeholder={t('promotions.skuPlaceholder')}
      options={active.map((sku) => ({
        value: sku.id,
        label: `${sku.spec} · ${formatYuan(sku.priceFen)}`,
      }))}
    />
  )
}
