import { apiClient, buildUrl } from '../../../lib/api-client'
import type { Page } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'
import type {
  EventBody,
  EventQuery,
  EventResultBody,
  EventStatus,
  PromotionEvent,
} from '../../../../../src/modules/promotions/events/schema'

// Offline promotion events (events/routes.ts).
export type { EventBody, EventQuery, EventResultBody, EventStatus, PromotionEvent }

const BASE = '/api/promotions/events'

export function usePromotionEvents(query: EventQuery) {
  return useRequest(
    (signal) => apiClient.get<Page<PromotionEvent>>(BASE, { ...query }, signal),
    JSON.stringify(query),
  )
}

/** The events of the same filter as an Excel download (one row per event). */
export const eventsExcelUrl = (query: Pick<EventQuery, 'status' | 'year'>): string =>
  buildUrl(`${BASE}.xlsx`, { ...query })

export const createEvent = (body: EventBody) => apiClient.post<PromotionEvent>(BASE, body)

export const updateEvent = (id: string, body: EventBody) =>
  apiClient.put<PromotionEvent>(`${BASE}/${encodeURIComponent(id)}`, body)

export const recordEventResults = (id: string, body: EventResultBody) =>
  apiClient.post<PromotionEvent>(`${BASE}/${encodeURIComponent(id)}/results`, body)

export const cancelEvent = (id: string, reason: string) =>
  apiClient.post<PromotionEvent>(`${BASE}/${encodeURIComponent(id)}/cancel`, { reason })
