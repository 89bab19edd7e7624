import { apiClient } from '../../lib/api-client'
import { withShare } from './promotions'
import type { Page } from '../../lib/api-types'
import type {
  BulkBuyJoined,
  CampaignProgress,
  JoinBody,
  OpenCampaign,
} from '../../../../src/modules/promotions/bulk-buy/schema'

// 团购 for buyers (docs/promotions.md): the live, exact progress and joining at the current tier.

export type { BulkBuyJoined, CampaignProgress, OpenCampaign }
export type Tier = CampaignProgress['ladder'][number]

const BASE = '/api/promotions/shop/bulk-buys'

export const getBulkBuy = (id: string, signal?: AbortSignal) =>
  apiClient.get<CampaignProgress>(`${BASE}/${encodeURIComponent(id)}`, undefined, signal)

export const joinBulkBuy = (id: string, body: JoinBody, share: string | null) =>
  apiClient.post<BulkBuyJoined>(withShare(`${BASE}/${encodeURIComponent(id)}/orders`, share), body)

/** Campaigns taking orders now (public), soonest to close first; of one product if given. */
export const listBulkBuys = (
  query: { productId?: string; page?: number; pageSize?: number },
  signal?: AbortSignal,
) => apiClient.get<Page<OpenCampaign>>(BASE, query, signal)
