import { apiClient } from '../../../lib/api-client'
import type { Parcel, Trip } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

export function getMyTrips(date: string, signal?: AbortSignal): Promise<Trip[]> {
  return apiClient.get<Trip[]>('/api/logistics/trips/mine', { date }, signal)
}

export function useMyTrips(date: string) {
  return useRequest((signal) => getMyTrips(date, signal), date)
}

export function scanDeparted(waybillNo: string): Promise<Parcel> {
  return apiClient.post<Parcel>('/api/logistics/scans', { waybillNo, type: 'departed' })
}
