import { apiClient } from '../../../lib/api-client'
import type { Order, OrderStatus, Page, PageQuery, Reconciliation } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

const BASE = '/api/commerce'

export interface OrdersQuery extends PageQuery {
  status?: OrderStatus
  q?: string
  shopId?: string
}

export function useOrders(query: OrdersQuery) {
  return useRequest(
    (signal) => apiClient.get<Page<Order>>(`${BASE}/orders`, { ...query }, signal),
    JSON.stringify(query),
  )
}

export function useOrder(id: string) {
  return useRequest((signal) => apiClient.get<Order>(`${BASE}/orders/${id}`, undefined, signal), id)
}

/** One Asia/Shanghai day (YYYY-MM-DD) of payments against their orders. */
export function useReconciliation(date: string) {
  return useRequest(
    (signal) =>
      apiClient.get<Reconciliation>(`${BASE}/reports/payment-reconciliation`, { date }, signal),
    date,
  )
}

/** The alliance's carriers an order outside the county can be handed to (issue 15). */
export function useShippingCarriers(enabled: boolean) {
  return useRequest(
    (signal) =>
      enabled
        ? apiClient.get<{ id: string; name: string }[]>(
            `${BASE}/shipping-carriers`,
            undefined,
            signal,
          )
        : Promise.resolve([]),
    String(enabled),
  )
}

export const shipOrder = (id: string, body: { carrierId: string; carrierWaybillNo: string }) =>
  apiClient.post<Order>(`${BASE}/orders/${encodeURIComponent(id)}/ship`, body)
