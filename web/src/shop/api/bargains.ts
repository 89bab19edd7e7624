import type { Static } from 'typebox'
import { apiClient } from '../../lib/api-client'
import type { PayAction } from '../../lib/api-types'
import type { Page } from '../../lib/api-types'
import type {
  BargainProgress,
  BuyBody,
  HelpResult as HelpResultSchema,
  RunningBargainActivity,
} from '../../../../src/modules/promotions/bargain/schema'

// 砍价 for buyers (docs/promotions.md): launch, help a friend, follow the exact progress, buy.

export type { BargainProgress, RunningBargainActivity }
export type HelpResult = Static<typeof HelpResultSchema>

export interface BargainOrdered {
  bargainId: string
  orderId: string
  action: PayAction | null
}

const BASE = '/api/promotions/shop'

export const getBargain = (id: string, signal?: AbortSignal) =>
  apiClient.get<BargainProgress>(`${BASE}/bargains/${encodeURIComponent(id)}`, undefined, signal)

export const launchBargain = (activityId: string) =>
  apiClient.post<BargainProgress>(
    `${BASE}/bargain-activities/${encodeURIComponent(activityId)}/bargains`,
  )

export const helpBargain = (id: string) =>
  apiClient.post<HelpResult>(`${BASE}/bargains/${encodeURIComponent(id)}/help`)

export const buyBargain = (id: string, body: BuyBody) =>
  apiClient.post<BargainOrdered>(`${BASE}/bargains/${encodeURIComponent(id)}/buy`, body)

/** Activities one can launch a bargain in now (public), soonest to end first. */
export const listBargainActivities = (productId: string, signal?: AbortSignal) =>
  apiClient.get<Page<RunningBargainActivity>>(
    `${BASE}/bargain-activities`,
    { productId, pageSize: 10 },
    signal,
  )
