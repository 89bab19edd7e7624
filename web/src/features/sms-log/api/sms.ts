import { apiClient } from '../../../lib/api-client'
import type { Page, PageQuery, SmsMessage, SmsStatus } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

const BASE = '/api/notifications/sms'

export interface SmsQuery extends PageQuery {
  status?: SmsStatus
  phoneTail?: string
}

export function useSmsLog(query: SmsQuery) {
  return useRequest(
    (signal) => apiClient.get<Page<SmsMessage>>(BASE, { ...query }, signal),
    JSON.stringify(query),
  )
}

/** Queues a failed text again; anything but a failed one is refused (409). */
export function retrySms(id: string): Promise<SmsMessage> {
  return apiClient.post<SmsMessage>(`${BASE}/${id}/retry`)
}
