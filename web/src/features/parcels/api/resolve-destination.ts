import { apiClient } from '../../../lib/api-client'
import type { Page, Parcel, Site } from '../../../lib/api-types'

export function resolveDestination(parcelId: string, siteId: string): Promise<Parcel> {
  return apiClient.put<Parcel>(
    `/api/logistics/parcels/${encodeURIComponent(parcelId)}/destination`,
    { siteId },
  )
}

export function searchVillageStations(q: string, signal?: AbortSignal): Promise<Page<Site>> {
  return apiClient.get<Page<Site>>(
    '/api/logistics/sites',
    { kind: 'village', q, page: 1, pageSize: 30 },
    signal,
  )
}
