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
