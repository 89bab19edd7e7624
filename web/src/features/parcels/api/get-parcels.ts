import { apiClient } from '../../../lib/api-client'
import type { Page, PageQuery, Parcel, ParcelDetail, ParcelStatus } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

export interface ParcelsQuery extends PageQuery {
  q?: string
  status?: ParcelStatus
  carrierId?: string
  townshipCode?: string
  unmatched?: 'true'
  promise?: 'at_risk' | 'breached'
}

export function getParcels(query: ParcelsQuery, signal?: AbortSignal): Promise<Page<Parcel>> {
  return apiClient.get<Page<Parcel>>('/api/logistics/parcels', { ...query }, signal)
}

export function useParcels(query: ParcelsQuery) {
  return useRequest((signal) => getParcels(query, signal), JSON.stringify(query))
}

export function getParcel(id: string, signal?: AbortSignal): Promise<ParcelDetail> {
  return apiClient.get<ParcelDetail>(
    `/api/logistics/parcels/${encodeURIComponent(id)}`,
    undefined,
    signal,
  )
}

export function useParcel(id: string) {
  return useRequest((signal) => getParcel(id, signal), id)
}
