import { apiClient } from '../../../lib/api-client'
import { useState } from 'react'
import type { AuditEntry, Page, PageQuery, SmsMessage, SmsStatus } from '../../../lib/api-types'
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

/** How far back the SMS log looks for sign-in code surges to warn about. */
const SURGE_WINDOW_MS = 24 * 60 * 60 * 1000

/** The sign-in code surges of the last day (audit entries `sms.login_code_surge`), newest first. */
export function useLoginCodeSurges(enabled: boolean) {
  const [since] = useState(() => new Date(Date.now() - SURGE_WINDOW_MS).toISOString())
  return useRequest(
    (signal) =>
      enabled
        ? apiClient.get<Page<AuditEntry>>(
            '/api/audit-log',
            { action: 'sms.login_code_surge', from: since, page: 1, pageSize: 5 },
            signal,
          )
        : Promise.resolve(null),
    `${String(enabled)}:${since}`,
  )
}
