import { apiClient } from '../../lib/api-client'

// After-sales requests and complaints of the signed-in buyer (docs/commerce.md, "After-sales").

export type AfterSaleKind = 'refund_only' | 'return_refund'
export type AfterSaleStatus =
  | 'awaiting_merchant'
  | 'escalated'
  | 'awaiting_return'
  | 'returning'
  | 'approved'
  | 'rejected'
  | 'refunded'
export type ComplaintKind = 'complaint' | 'counterfeit' | 'fraud'

export interface AfterSale {
  id: string
  orderId: string
  kind: AfterSaleKind
  amountFen: number
  approvedFen: number | null
  reason: string
  status: AfterSaleStatus
  returnCarrier: string | null
  returnWaybillNo: string | null
  respondBy: string
  merchantNote: string | null
  operatorNote: string | null
  createdAt: string
}

export interface Complaint {
  id: string
  kind: ComplaintKind
  orderId: string | null
  description: string
  status: string
  createdAt: string
}

const BASE = '/api/commerce/shop'

export const requestAfterSale = (
  orderId: string,
  body: { kind: AfterSaleKind; amountFen: number; reason: string },
) => apiClient.post<AfterSale>(`${BASE}/orders/${encodeURIComponent(orderId)}/after-sales`, body)

export const listMyAfterSales = (signal?: AbortSignal) =>
  apiClient.get<AfterSale[]>(`${BASE}/after-sales`, undefined, signal)

export const escalateAfterSale = (id: string) =>
  apiClient.post<AfterSale>(`${BASE}/after-sales/${encodeURIComponent(id)}/escalate`)

export const shipReturn = (id: string, body: { carrier: string; waybillNo: string }) =>
  apiClient.post<AfterSale>(`${BASE}/after-sales/${encodeURIComponent(id)}/return`, body)

export const fileComplaint = (body: {
  kind: ComplaintKind
  orderId?: string
  description: string
}) => apiClient.post<Complaint>(`${BASE}/complaints`, body)
