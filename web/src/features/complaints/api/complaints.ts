import { apiClient } from '../../../lib/api-client'
import type { Order, Page, PageQuery } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'
import type { ComplaintTable } from '../../../../../src/modules/commerce/orders/order-tables'

export type ComplaintKind = ComplaintTable['kind']
export type ComplaintStatus = ComplaintTable['status']

/** One row of GET /api/commerce/complaints (after-sales-routes.ts). */
export interface Complaint {
  id: string
  kind: ComplaintKind
  orderId: string | null
  orderNo: string | null
  shopId: string | null
  shopName: string | null
  description: string
  status: ComplaintStatus
  resolution: string | null
  createdAt: string
  updatedAt: string
}

const BASE = '/api/commerce'

export const COMPLAINT_KINDS: readonly ComplaintKind[] = ['complaint', 'counterfeit', 'fraud']
export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = [
  'open',
  'handling',
  'resolved',
  'dismissed',
]

/** Where a complaint may go next (the server checks again). */
export const NEXT_STATUSES: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  open: ['handling', 'resolved', 'dismissed'],
  handling: ['resolved', 'dismissed'],
  resolved: [],
  dismissed: [],
}

/** Closing a complaint records how it was settled. */
export const needsResolution = (status: ComplaintStatus) =>
  status === 'resolved' || status === 'dismissed'

export interface ComplaintsQuery extends PageQuery {
  status?: ComplaintStatus
  kind?: ComplaintKind
}

export function useComplaints(query: ComplaintsQuery) {
  return useRequest(
    (signal) => apiClient.get<Page<Complaint>>(`${BASE}/complaints`, { ...query }, signal),
    JSON.stringify(query),
  )
}

/** The order a complaint is about, when it names one. */
export function useComplaintOrder(orderId: string | null) {
  return useRequest(
    (signal) =>
      orderId
        ? apiClient.get<Order>(`${BASE}/orders/${encodeURIComponent(orderId)}`, undefined, signal)
        : Promise.resolve(null),
    orderId ?? '',
  )
}

export const handleComplaint = (
  id: string,
  body: { status: ComplaintStatus; resolution?: string },
) => apiClient.post<Complaint>(`${BASE}/complaints/${encodeURIComponent(id)}/handle`, body)
