import type { Static } from 'typebox'
import { apiClient } from '../../../lib/api-client'
import { useRequest } from '../../../lib/use-request'
import type {
  Campaign,
  CampaignReport,
  CreateCampaignBody,
} from '../../../../../src/modules/promotions/bulk-buy/schema'

// 团购 campaigns (bulk-buy/routes.ts).
export type { Campaign as BulkBuy, CreateCampaignBody as CreateBulkBuyBody }
export type BulkBuyStatus = Campaign['status']
export type BulkBuyReport = Static<typeof CampaignReport>

const BASE = '/api/promotions/bulk-buys'

export function useBulkBuys(status: BulkBuyStatus | undefined) {
  return useRequest((signal) => apiClient.get<Campaign[]>(BASE, { status }, signal), status ?? '')
}

export const createBulkBuy = (body: CreateCampaignBody) => apiClient.post<Campaign>(BASE, body)

/** New terms for a draft, or an open campaign not yet started (`open` is ignored). */
export const updateBulkBuy = (id: string, body: CreateCampaignBody) =>
  apiClient.put<Campaign>(`${BASE}/${encodeURIComponent(id)}`, body)

/** Open a draft, pause, or resume (open again). */
export const setBulkBuyStatus = (id: string, status: 'open' | 'paused') =>
  apiClient.post<Campaign>(`${BASE}/${encodeURIComponent(id)}/status`, { status })

/** 提前结束: the campaign ends now and settles in the next round. */
export const closeBulkBuyNow = (id: string) =>
  apiClient.post<Campaign>(`${BASE}/${encodeURIComponent(id)}/close`, {})

export const getBulkBuyReport = (id: string, signal?: AbortSignal) =>
  apiClient.get<BulkBuyReport>(`${BASE}/${encodeURIComponent(id)}/report`, undefined, signal)
