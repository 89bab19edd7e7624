import { apiClient } from '../../lib/api-client'
import type { PromotionEvent } from '../../../../src/modules/promotions/events/schema'

// Offline promotion events (推介会, 展销会, 直播进村) that have not ended, soonest first; public.

export type { PromotionEvent }

export const listUpcomingEvents = (signal?: AbortSignal) =>
  apiClient.get<PromotionEvent[]>('/api/promotions/events/upcoming', undefined, signal)
