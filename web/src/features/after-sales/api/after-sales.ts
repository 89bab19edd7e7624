import { apiClient } from '../../../lib/api-client'
import type { Order, Page, PageQuery } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'
import type {
  AfterSaleStatus,
  AfterSaleTable,
} from '../../../../../src/modules/commerce/orders/order-tables'

// Shapes of GET /api/commerce/after-sales and the decision routes (after-sales-routes.ts, whose
// schemas live beside Fastify code the console does not compile).
export type { AfterSaleStatus }

export interface AfterSale {
  id: string
  orderId: string
  orderNo: string
  shopName: string
  kind: AfterSaleTable['kind']
  amountFen: number
  /** What was approved; less than asked is a partial refund. */
  approvedFen: number | null
  returnCarrier: string | null
  returnWaybillNo: string | null
  returnShippedAt: string | null
  reason: string
  status: AfterSaleStatus
  /** The merchant answers by then, or the request goes to the operating company. */
  respondBy: string
  merchantNote: string | null
  operatorNote: string | null
  createdAt: string
}

export interface DecisionBody {
  decision: 'approve' | 'reject'
  /** Required to refuse: the buyer reads it. */
  note?: string
  /** With approve: at most the amount asked; less is a partial refund. */
  amountFen?: number
}

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
  apiClient.post<AfterSale>(`${BASE}/after-sales/${encodeURIComponent(id)}/respond`, body)

/** The operating company's final decision on an escalated request. */
export const receiveReturn = (id: string) =>
  apiClient.post<AfterSale>(`${BASE}/after-sales/${encodeURIComponent(id)}/receive-return`)

export const decideAfterSale = (id: string, body: DecisionBody) =>
  apiClient.post<AfterSale>(`${BASE}/after-sales/${encodeURIComponent(id)}/decide`, body)
