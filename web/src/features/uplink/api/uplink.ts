import { apiClient } from '../../../lib/api-client'
import type {
  CostPerParcelRow,
  FarmPickup,
  Page,
  PageQuery,
  PickupStatus,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

export function usePickups(query: PageQuery & { status?: PickupStatus }) {
  return useRequest(
    (signal) => apiClient.get<Page<FarmPickup>>('/api/logistics/pickups', { ...query }, signal),
    JSON.stringify(query),
  )
}

export function receivePickup(id: string): Promise<FarmPickup> {
  return apiClient.post<FarmPickup>(`/api/logistics/pickups/${encodeURIComponent(id)}/receive`)
}

export function handOverPickup(
  id: string,
  body: { carrierId: string; carrierWaybillNo: string },
): Promise<FarmPickup> {
  return apiClient.post<FarmPickup>(
    `/api/logistics/pickups/${encodeURIComponent(id)}/hand-over`,
    body,
  )
}

export function useCostPerParcel(from: string, to: string) {
  return useRequest(
    (signal) =>
      apiClient.get<CostPerParcelRow[]>(
        '/api/logistics/reports/cost-per-parcel',
        { from, to, granularity: 'day' },
        signal,
      ),
    `${from}:${to}`,
  )
}
