import type { Static } from 'typebox'
import { apiClient } from '../../../lib/api-client'
import { useRequest } from '../../../lib/use-request'
import type {
  BargainActivity,
  BargainActivityReport,
  BargainActivityStatus,
  CreateBargainActivityBody,
} from '../../../../../src/modules/promotions/bargain/schema'

// 砍价 activities (bargain/routes.ts).
export type { BargainActivity, BargainActivityStatus, CreateBargainActivityBody }
export type BargainReport = Static<typeof BargainActivityReport>

const BASE = '/api/promotions/bargains'

export function useBargains(status: BargainActivityStatus | undefined) {
  return useRequest(
    (signal) => apiClient.get<BargainActivity[]>(BASE, { status }, signal),
    status ?? '',
  )
}

export const createBargain = (body: CreateBargainActivityBody) =>
  apiClient.post<BargainActivity>(BASE, body)

/** New terms for an activity that has not started yet. */
export const updateBargain = (id: string, body: CreateBargainActivityBody) =>
  apiClient.put<BargainActivity>(`${BASE}/${encodeURIComponent(id)}`, body)

export const setBargainStatus = (id: string, status: BargainActivityStatus) =>
  apiClient.post<BargainActivity>(`${BASE}/${encodeURIComponent(id)}/status`, { status })

export const getBargainReport = (id: string, signal?: AbortSignal) =>
  apiClient.get<BargainReport>(`${BASE}/${encodeURIComponent(id)}/report`, undefined, signal)
