import { apiClient } from '../../../lib/api-client'
import { useRequest } from '../../../lib/use-request'
import type {
  Activity,
  ActivityReport,
  ActivityStatus,
  CreateActivityBody,
  UpdateActivityBody,
} from '../../../../../src/modules/promotions/team-buy/schema'

// 拼团 activities (team-buy/activity-routes.ts).
export type {
  Activity as TeamBuy,
  ActivityReport as TeamBuyReport,
  ActivityStatus as TeamBuyStatus,
}
export type { CreateActivityBody as CreateTeamBuyBody }

const BASE = '/api/promotions/team-buys'

export function useTeamBuys(status: ActivityStatus | undefined) {
  return useRequest((signal) => apiClient.get<Activity[]>(BASE, { status }, signal), status ?? '')
}

export const createTeamBuy = (body: CreateActivityBody) => apiClient.post<Activity>(BASE, body)

/** New terms for a draft or paused activity (its SKU stays). */
export const updateTeamBuy = (id: string, body: UpdateActivityBody) =>
  apiClient.patch<Activity>(`${BASE}/${encodeURIComponent(id)}`, body)

/** Activate (or resume), pause or end. */
export const setTeamBuyStatus = (id: string, status: 'active' | 'paused' | 'ended') =>
  apiClient.post<Activity>(`${BASE}/${encodeURIComponent(id)}/status`, { status })

export const getTeamBuyReport = (id: string, signal?: AbortSignal) =>
  apiClient.get<ActivityReport>(`${BASE}/${encodeURIComponent(id)}/report`, undefined, signal)
