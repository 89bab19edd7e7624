import { apiClient } from '../../../lib/api-client'
import type { Page, PickupPoint, ProductCard, ProductDetail } from '../../../lib/api-types'

// Promotions pick from the storefront's catalog: operators hold no shop of their own, and only
// products on sale can be promoted.
const BASE = '/api/commerce'

export const searchProducts = (q: string, signal?: AbortSignal) =>
  apiClient.get<Page<ProductCard>>(`${BASE}/shop/products`, { q, page: 1, pageSize: 20 }, signal)

export const getProduct = (productId: string, signal?: AbortSignal) =>
  apiClient.get<ProductDetail>(
    `${BASE}/shop/products/${encodeURIComponent(productId)}`,
    undefined,
    signal,
  )

/** The O2O stores, where a bulk buy's orders can be collected. */
export const listStores = async (signal?: AbortSignal): Promise<PickupPoint[]> =>
  (await apiClient.get<PickupPoint[]>(`${BASE}/stock-locations`, undefined, signal)).filter(
    (point) => point.kind === 'store',
  )

/** The product and name of a promotion's SKU (an edit form shows what the promotion sells). */
export const getSkuLabel = (skuId: string, signal?: AbortSignal) =>
  apiClient.get<{ productId: string; productTitle: string; spec: string }>(
    `/api/promotions/skus/${encodeURIComponent(skuId)}/label`,
    undefined,
    signal,
  )
