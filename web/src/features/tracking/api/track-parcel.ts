import { apiClient } from '../../../lib/api-client'
import type { Tracking } from '../../../lib/api-types'

/** Public: anyone may track a waybill; the phone tail unlocks places and the masked name. */
export function trackParcel(waybill: string, phoneTail?: string): Promise<Tracking> {
  return apiClient.get<Tracking>(`/api/tracking/${encodeURIComponent(waybill)}`, { phoneTail })
}
