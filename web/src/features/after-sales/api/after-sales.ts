import { apiClient } from '../../../lib/api-client'
import type {
  AfterSale as PlainAfterSale,
  AfterSaleStatus,
  DecisionBody,
  Order,
  Page,
  PageQuery,
  StaffAfterSale,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

// GET /api/commerce/after-sales and the decision routes (after-sales-routes.ts); the shapes are
// the server's (after-sales-schema.ts). The list names the order and the shop; the decision
// routes answer with the plain request, without them.
export type { AfterSaleStatus, DecisionBody }
/** A row of the console's list. */
export type AfterSale = StaffAfterSale

const BASE = '/api/commerce'

export const AFTER_SALE_STATUSES: readonly AfterSaleStatus[] = [
  'awaiting_merchant',
  'escalated',
  'awaiting_return',
  'returning',
  'approved',
  'rejected',
  'refunded',
]

export interface AfterSalesQuery extends PageQuery {
  status?: AfterSaleStatus
}

/** After-sales requests of the shops in the user's reach, the nearest deadline first. */
export function useAfterSales(query: AfterSalesQuery) {
  return useRequest(
    (signal) => apiClient.get<Page<AfterSale>>(`${BASE}/after-sales`, { ...query }, signal),
    JSON.stringify(query),
  )
}

/** The order a request is about, with its lines and what has been refunded so far. */
export function useAfterSaleOrder(orderId: string) {
  return useRequest(
    (signal) =>
      apiClient.get<Order>(`${BASE}/orders/${encodeURIComponent(orderId)}`, undefined, signal),
    orderId,
  )
}

/** The merchant's answer: approve (all or part of the amount asked) or refuse with a reason. */
export const respondToAfterSale = (id: string, body: DecisionBody) =>
  apiClient.post<PlainAfterSale>(`${BASE}/after-sales/${encodeURIComponent(id)}/respond`, body)

/** The operating company's final decision on an escalated request. */
export const receiveReturn = (id: string) =>
  apiClient.post<PlainAfterSale>(`${BASE}/after-sales/${encodeURIComponent(id)}/receive-return`)

export const decideAfterSale = (id: string, body: DecisionBody) =>
  apiClient.post<PlainAfterSale>(`${BASE}/after-sales/${encodeURIComponent(id)}/decide`, body)
