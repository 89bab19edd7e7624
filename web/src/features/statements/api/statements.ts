import { apiClient, buildUrl } from '../../../lib/api-client'
import type { FeeRule, Statement } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

/** Nothing is asked until a carrier is chosen. */
export function useStatement(carrierId: string | undefined, month: string) {
  return useRequest(
    (signal) =>
      carrierId
        ? apiClient.get<Statement>('/api/logistics/statements', { carrierId, month }, signal)
        : Promise.resolve(null),
    `${carrierId ?? ''}:${month}`,
  )
}

/** A plain link: the browser downloads the workbook with the session cookie. */
export const statementXlsxUrl = (carrierId: string, month: string) =>
  buildUrl('/api/logistics/statements.xlsx', { carrierId, month })

export function useFeeRule(carrierId: string) {
  return useRequest(
    (signal) =>
      apiClient.get<FeeRule>(
        `/api/logistics/carriers/${encodeURIComponent(carrierId)}/fee-rule`,
        undefined,
        signal,
      ),
    carrierId,
  )
}

export function saveFeeRule(carrierId: string, rule: FeeRule): Promise<FeeRule> {
  return apiClient.put<FeeRule>(
    `/api/logistics/carriers/${encodeURIComponent(carrierId)}/fee-rule`,
    rule,
  )
}
