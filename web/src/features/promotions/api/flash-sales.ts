import { apiClient } from '../../../lib/api-client'
import { useRequest } from '../../../lib/use-request'
import type {
  FlashReport,
  FlashSession,
  FlashSessionBody,
  FlashSessionStatus,
} from '../../../../../src/modules/promotions/flash-sale/schema'

// 秒杀 sessions (flash-sale/routes.ts).
export type { FlashReport, FlashSession, FlashSessionBody, FlashSessionStatus }
export type FlashSaleMove = 'schedule' | 'pause' | 'resume' | 'end'

const BASE = '/api/promotions/flash-sales'

export function useFlashSales(status: FlashSessionStatus | undefined) {
  return useRequest(
    (signal) => apiClient.get<FlashSession[]>(BASE, { status }, signal),
    status ?? '',
  )
}

export const createFlashSale = (body: FlashSessionBody) => apiClient.post<FlashSession>(BASE, body)

/** New terms for a draft session (its SKUs replaced by the body's). */
export const updateFlashSale = (id: string, body: FlashSessionBody) =>
  apiClient.put<FlashSession>(`${BASE}/${encodeURIComponent(id)}`, body)

export const moveFlashSale = (id: string, move: FlashSaleMove) =>
  apiClient.post<FlashSession>(`${BASE}/${encodeURIComponent(id)}/${move}`)

export const getFlashSaleReport = (id: string, signal?: AbortSignal) =>
  apiClient.get<FlashReport>(`${BASE}/${encodeURIComponent(id)}/report`, undefined, signal)
