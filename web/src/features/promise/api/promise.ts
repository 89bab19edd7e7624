import { apiClient, buildUrl } from '../../../lib/api-client'
import type { FlowRow, Page, Parcel, PromisePeriod } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

export type FlowGroupBy = 'day' | 'carrier' | 'township' | 'station'

export function usePromiseByDay(from: string, to: string) {
  return useRequest(
    (signal) =>
      apiClient.get<PromisePeriod[]>(
        '/api/logistics/promise',
        { from, to, granularity: 'day' },
        signal,
      ),
    `${from}:${to}`,
  )
}

/** How many parcels are at risk or breached now: one row is enough, the total says it. */
export function usePromiseCount(promise: 'at_risk' | 'breached') {
  return useRequest(
    (signal) =>
      apiClient
        .get<Page<Parcel>>('/api/logistics/parcels', { promise, page: 1, pageSize: 1 }, signal)
        .then((page) => page.total),
    promise,
  )
}

export function useFlowReport(from: string, to: string, groupBy: FlowGroupBy) {
  return useRequest(
    (signal) =>
      apiClient.get<FlowRow[]>('/api/logistics/reports/flow', { from, to, groupBy }, signal),
    `${from}:${to}:${groupBy}`,
  )
}

/** A plain link: the browser downloads the workbook with the session cookie. */
export const flowReportXlsxUrl = (from: string, to: string, groupBy: FlowGroupBy) =>
  buildUrl('/api/logistics/reports/flow.xlsx', { from, to, groupBy })
