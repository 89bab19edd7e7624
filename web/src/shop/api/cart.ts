import { apiClient } from '../../lib/api-client'
import type { CartLine } from '../../lib/api-types'

export const getCart = (signal?: AbortSignal) =>
  apiClient.get<CartLine[]>('/api/commerce/shop/cart', undefined, signal)

/** Sets the quantity of one SKU (0 takes it out) and answers the whole cart. */
export const putCartQuantity = (skuId: string, quantity: number) =>
  apiClient.put<CartLine[]>(`/api/commerce/shop/cart/${encodeURIComponent(skuId)}`, { quantity })
