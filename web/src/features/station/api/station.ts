import { apiClient } from '../../../lib/api-client'
import type {
  FarmPickup,
  Page,
  Parcel,
  ParcelStatus,
  RegisterPickupBody,
  ScanResult,
  Site,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

/** The station site run by the station master's organization (sites carry organizationId). */
export async function findMyStation(
  organizationId: string,
  organizationName: string,
  signal?: AbortSignal,
): Promise<Site | null> {
  const page = await apiClient.get<Page<Site>>(
    '/api/logistics/sites',
    { kind: 'village', q: organizationName.replace(/村级服务站$/, ''), page: 1, pageSize: 50 },
    signal,
  )
  return page.items.find((site) => site.organizationId === organizationId) ?? null
}

export function useStationParcels(status: ParcelStatus, version: number) {
  return useRequest(
    (signal) =>
      apiClient.get<Page<Parcel>>(
        '/api/logistics/parcels',
        { status, page: 1, pageSize: 100 },
        signal,
      ),
    `${status}:${version}`,
  )
}

export function scanAtStation(
  waybillNo: string,
  type: 'arrived' | 'picked_up',
  phoneTail?: string,
): Promise<ScanResult> {
  return apiClient.post<ScanResult>('/api/logistics/scans', { waybillNo, type, phoneTail })
}

/** Hands over the parcel waiting here under this pickup code (取件码, issue 15). */
export function handOverByCode(pickupCode: string): Promise<ScanResult> {
  return apiClient.post<ScanResult>('/api/logistics/handovers', { pickupCode })
}

export function usePickups(version: number) {
  return useRequest(
    (signal) =>
      apiClient.get<Page<FarmPickup>>('/api/logistics/pickups', { page: 1, pageSize: 50 }, signal),
    `pickups:${version}`,
  )
}

export function registerPickup(body: RegisterPickupBody): Promise<FarmPickup> {
  return apiClient.post<FarmPickup>('/api/logistics/pickups', body)
}
