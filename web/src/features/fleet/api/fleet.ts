import { apiClient, buildUrl } from '../../../lib/api-client'
import type {
  AssignTripBody,
  Carrier,
  CreateCarrierBody,
  CreateDriverBody,
  CreateVehicleBody,
  Driver,
  Page,
  PageQuery,
  Plan,
  Site,
  UpdateCarrierBody,
  UpdateDriverBody,
  UpdateVehicleBody,
  Vehicle,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

// Issue 15: the alliance's carriers, the vehicles and the drivers (LOG-1, LOG-2, LOG-3, LOG-5).

export interface SearchQuery extends PageQuery {
  q?: string
}

export function useCarriers(query: SearchQuery) {
  return useRequest(
    (signal) =>
      apiClient.get<Page<Carrier>>('/api/logistics/alliance/carriers', { ...query }, signal),
    JSON.stringify(query),
  )
}
export const carriersXlsxUrl = () => buildUrl('/api/logistics/alliance/carriers.xlsx')
export const createCarrier = (body: CreateCarrierBody) =>
  apiClient.post<Carrier>('/api/logistics/alliance/carriers', body)
export const updateCarrier = (id: string, body: UpdateCarrierBody) =>
  apiClient.patch<Carrier>(`/api/logistics/alliance/carriers/${encodeURIComponent(id)}`, body)

/** The whole fleet (a county has tens of vehicles): searched on the server, paged in the table. */
export function useVehicles(q: string | undefined, version = 0) {
  return useRequest(
    (signal) => apiClient.get<Vehicle[]>('/api/logistics/vehicles', q ? { q } : {}, signal),
    `${q ?? ''}:${version}`,
  )
}
export const vehiclesXlsxUrl = (q?: string) =>
  buildUrl('/api/logistics/vehicles.xlsx', q ? { q } : {})
export const createVehicle = (body: CreateVehicleBody) =>
  apiClient.post<Vehicle>('/api/logistics/vehicles', body)
export const updateVehicle = (id: string, body: UpdateVehicleBody) =>
  apiClient.patch<Vehicle>(`/api/logistics/vehicles/${encodeURIComponent(id)}`, body)

export function useDrivers(query: SearchQuery) {
  return useRequest(
    (signal) => apiClient.get<Page<Driver>>('/api/logistics/drivers', { ...query }, signal),
    JSON.stringify(query),
  )
}
export const driversXlsxUrl = () => buildUrl('/api/logistics/drivers.xlsx')
export const createDriver = (body: CreateDriverBody) =>
  apiClient.post<Driver>('/api/logistics/drivers', body)
export const updateDriver = (id: string, body: UpdateDriverBody) =>
  apiClient.patch<Driver>(`/api/logistics/drivers/${encodeURIComponent(id)}`, body)

/** Hubs and township stations: where a vehicle can be based. */
export function useVehicleBases() {
  return useRequest(async (signal) => {
    const [hubs, townships] = await Promise.all(
      (['hub', 'township'] as const).map((kind) =>
        apiClient.get<Page<Site>>('/api/logistics/sites', { kind, page: 1, pageSize: 100 }, signal),
      ),
    )
    return [...(hubs?.items ?? []), ...(townships?.items ?? [])]
  }, 'bases')
}

export const assignTrip = (tripId: string, body: AssignTripBody) =>
  apiClient.put<Plan>(`/api/logistics/trips/${encodeURIComponent(tripId)}/assignment`, body)
