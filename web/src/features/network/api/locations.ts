import { apiClient, buildUrl } from '../../../lib/api-client'
import type {
  CreateStockLocationBody,
  ManagedLocationKind,
  Page,
  PageQuery,
  SiteImportResult,
  StockLocation,
  UpdateStockLocationBody,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

// The O2O stores and the warehouse: commerce's places (/api/commerce/locations), shown beside the
// logistics network because the operator manages both (issue 15, SVC-1, SVC-5).

export interface LocationsQuery extends PageQuery {
  q?: string
  kind?: ManagedLocationKind
  status?: 'open' | 'closed'
  townshipCode?: string
}

const BASE = '/api/commerce/locations'

export function useLocations(query: LocationsQuery) {
  return useRequest(
    (signal) => apiClient.get<Page<StockLocation>>(BASE, { ...query }, signal),
    JSON.stringify(query),
  )
}

export const createLocation = (body: CreateStockLocationBody) =>
  apiClient.post<StockLocation>(BASE, body)
export const updateLocation = (id: string, body: UpdateStockLocationBody) =>
  apiClient.patch<StockLocation>(`${BASE}/${encodeURIComponent(id)}`, body)
export const closeLocation = (id: string) =>
  apiClient.post<StockLocation>(`${BASE}/${encodeURIComponent(id)}/close`)
export const reopenLocation = (id: string) =>
  apiClient.post<StockLocation>(`${BASE}/${encodeURIComponent(id)}/reopen`)

export function importLocations(file: File): Promise<SiteImportResult> {
  const form = new FormData()
  form.append('file', file)
  return apiClient.postForm<SiteImportResult>(`${BASE}/import`, form)
}

export const locationsXlsxUrl = (query: Omit<LocationsQuery, 'page' | 'pageSize'>) =>
  buildUrl(`${BASE}.xlsx`, { ...query })
export const locationTemplateUrl = (format: 'xlsx' | 'csv') =>
  buildUrl(`${BASE}/template`, { format })
