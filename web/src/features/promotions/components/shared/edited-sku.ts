import { useRequest } from '../../../../lib/use-request'
import { getSkuLabel } from '../../api/catalog'
import type { ProductOption } from './product-select'

/**
 * The product of the SKU an edited promotion sells (a promotion stores only the SKU), so its
 * form can show the product and SKU chosen. Undefined while loading; for a new promotion (no
 * SKU) no product at once. A failed look-up leaves the product to pick again.
 */
export function useEditedSkuProduct(
  skuId: string | undefined,
): { products: ProductOption[] } | undefined {
  const label = useRequest(
    (signal) => (skuId ? getSkuLabel(skuId, signal) : Promise.resolve(undefined)),
    skuId ?? '',
  )
  if (!skuId) return { products: [] }
  if (label.loading) return undefined
  const found = label.data
  return { products: found ? [{ value: found.productId, label: found.productTitle }] : [] }
}
