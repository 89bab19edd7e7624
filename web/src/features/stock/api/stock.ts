import { apiClient } from '../../../lib/api-client'
import type {
  Page,
  PickupPoint,
  ProductCard,
  ProductDetail,
  StockLevel,
  StockReceiveBody,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

const BASE = '/api/commerce'

export function useStock(locationId: string | undefined) {
  return useRequest(
    (signal) => apiClient.get<StockLevel[]>(`${BASE}/stock`, { locationId }, signal),
    locationId ?? '',
  )
}

export function useStockLocations() {
  return useRequest(
    (signal) => apiClient.get<PickupPoint[]>(`${BASE}/stock-locations`, undefined, signal),
    '',
  )
}

/** Books goods in; answers the SKU's levels at that location afterwards. */
export function receiveStock(body: StockReceiveBody): Promise<StockLevel[]> {
  return apiClient.post<StockLevel[]>(`${BASE}/stock/receipts`, body)
}

/** Products to book in, found by title (the merchant's own, or any for the county). */
export function searchProducts(q: string): Promise<Page<ProductCard>> {
  return apiClient.get<Page<ProductCard>>(`${BASE}/products`, { q, page: 1, pageSize: 20 })
}

export function getProductSkus(productId: string): Promise<ProductDetail> {
  return apiClient.get<ProductDetail>(`${BASE}/products/${productId}`)
}
