import { apiClient } from '../../../lib/api-client'
import type {
  Complaint as PlainComplaint,
  ComplaintKind,
  ComplaintStatus,
  HandleComplaintBody,
  Order,
  Page,
  PageQuery,
  StaffComplaint,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

// GET /api/commerce/complaints and the handling route (after-sales-routes.ts); the shapes are the
// server's (after-sales-schema.ts). The list names the order and the shop; handling answers with
// the plain complaint, without them.
export type { ComplaintKind, ComplaintStatus }
/** A row of the console's list. */
export type Complaint = StaffComplaint
/** What handling answers: the complaint without the order's number and the shop's name. */
export type HandledComplaint = PlainComplaint

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

export const handleComplaint = (id: string, body: HandleComplaintBody) =>
  apiClient.post<HandledComplaint>(`${BASE}/complaints/${encodeURIComponent(id)}/handle`, body)
