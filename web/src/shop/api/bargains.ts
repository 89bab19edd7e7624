import type { Static } from 'typebox'
import { apiClient } from '../../lib/api-client'
import type { PayAction } from '../../lib/api-types'
import type {
  BargainProgress,
  BuyBody,
  HelpResult as HelpResultSchema,
} from '../../../../src/modules/promotions/bargain/schema'

// 砍价 for buyers (docs/promotions.md): launch, help a friend, follow the exact progress, buy.

export type { BargainProgress }
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
