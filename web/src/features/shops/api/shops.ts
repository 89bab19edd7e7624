import { apiClient } from '../../../lib/api-client'
import type {
  ApplyShopBody,
  Page,
  PageQuery,
  ReviewShopBody,
  Shop,
  ShopStatus,
  UpdateShopBody,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

const BASE = '/api/commerce'

export interface ShopsQuery extends PageQuery {
  status?: ShopStatus
  q?: string
}

export function useShops(query: ShopsQuery) {
  return useRequest(
    (signal) => apiClient.get<Page<Shop>>(`${BASE}/shops`, { ...query }, signal),
    JSON.stringify(query),
  )
}

export function reviewShop(id: string, body: ReviewShopBody): Promise<Shop> {
  return apiClient.post<Shop>(`${BASE}/shops/${id}/review`, body)
}

export function useMyShops() {
  return useRequest((signal) => apiClient.get<Shop[]>(`${BASE}/my-shops`, undefined, signal), '')
}

/** Applies for the organization's shop, or again after a rejection (the same shop). */
export function applyForShop(body: ApplyShopBody): Promise<Shop> {
  return apiClient.post<Shop>(`${BASE}/shops`, body)
}

export function updateShop(id: string, body: UpdateShopBody): Promise<Shop> {
  return apiClient.patch<Shop>(`${BASE}/shops/${id}`, body)
}
