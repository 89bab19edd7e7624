import { apiClient, buildUrl } from '../../../lib/api-client'
import type { PayoutReport } from '../../../lib/api-types'

const BASE = '/api/commerce'

export interface PayoutsQuery {
  /** Shanghai dates, YYYY-MM-DD, inclusive. */
  from: string
  to: string
  shopId?: string
}

/** Goods, refunds, net, settled and pending per day and per shop (the server applies the reach). */
export const getPayouts = (query: PayoutsQuery, signal?: AbortSignal) =>
  apiClient.get<PayoutReport>(`${BASE}/payouts`, { ...query }, signal)

/** The Excel download of the same report. */
export const payoutsExcelUrl = (query: PayoutsQuery): string =>
  buildUrl(`${BASE}/payouts.xlsx`, { ...query })
