import { apiClient } from '../../lib/api-client'
import type {
  AfterSale,
  AfterSaleBody,
  AfterSaleKind,
  AfterSaleStatus,
  Complaint,
  ComplaintBody,
  ComplaintKind,
  ReturnShipmentBody,
} from '../../lib/api-types'

// After-sales requests and complaints of the signed-in buyer (docs/commerce.md, "After-sales");
// the shapes are the server's (after-sales-schema.ts).
export type { AfterSale, AfterSaleKind, AfterSaleStatus, Complaint, ComplaintKind }

const BASE = '/api/commerce/shop'

export const requestAfterSale = (orderId: string, body: AfterSaleBody) =>
  apiClient.post<AfterSale>(`${BASE}/orders/${encodeURIComponent(orderId)}/after-sales`, body)

export const listMyAfterSales = (signal?: AbortSignal) =>
  apiClient.get<AfterSale[]>(`${BASE}/after-sales`, undefined, signal)

export const escalateAfterSale = (id: string) =>
  apiClient.post<AfterSale>(`${BASE}/after-sales/${encodeURIComponent(id)}/escalate`)

export const shipReturn = (id: string, body: ReturnShipmentBody) =>
  apiClient.post<AfterSale>(`${BASE}/after-sales/${encodeURIComponent(id)}/return`, body)

export const fileComplaint = (body: ComplaintBody) =>
  apiClient.post<Complaint>(`${BASE}/complaints`, body)
