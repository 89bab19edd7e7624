import type { Static } from 'typebox'
import { apiClient } from '../../lib/api-client'
import type { Page } from '../../lib/api-types'
import { withShare } from './promotions'
import type {
  BargainOrdered,
  BargainProgress,
  BuyBody,
  HelpResult as HelpResultSchema,
  RunningBargainActivity,
} from '../../../../src/modules/promotions/bargain/schema'

// 砍价 for buyers (docs/promotions.md): launch, help a friend, follow the exact progress, buy.

export type { BargainOrdered, BargainProgress, RunningBargainActivity }
export type HelpResult = Static<typeof HelpResultSchema>

const BASE = '/api/promotions/shop'

export const getBargain = (id: string, signal?: AbortSignal) =>
  apiClient.get<BargainProgress>(`${BASE}/bargains/${encodeURIComponent(id)}`, undefined, signal)

/** The bargain keeps `share` and gives it to the order when the launcher buys. */
export const launchBargain = (activityId: string, share: string | null) =>
  apiClient.post<BargainProgress>(
    withShare(`${BASE}/bargain-activities/${encodeURIComponent(activityId)}/bargains`, share),
  )

export const helpBargain = (id: string) =>
  apiClient.post<HelpResult>(`${BASE}/bargains/${encodeURIComponent(id)}/help`)

export const buyBargain = (id: string, body: BuyBody, share: string | null) =>
  apiClient.post<BargainOrdered>(
    withShare(`${BASE}/bargains/${encodeURIComponent(id)}/buy`, share),
    body,
  )

/** Activities one can launch a bargain in now (public), soonest to end first. */
export const listBargainActivities = (productId: string, signal?: AbortSignal) =>
  apiClient.get<Page<RunningBargainActivity>>(
    `${BASE}/bargain-activities`,
    { productId, pageSize: 10 },
    signal,
  )
