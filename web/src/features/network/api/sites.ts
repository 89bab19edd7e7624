import { apiClient, buildUrl } from '../../../lib/api-client'
import type {
  CoordinateImportResult,
  CreateSiteBody,
  Page,
  PageQuery,
  Site,
  SiteImportResult,
  SiteKind,
  SiteStatus,
  UpdateSiteBody,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

export interface SitesQuery extends PageQuery {
  q?: string
  kind?: SiteKind
  townshipCode?: string
  status?: SiteStatus
}

export type { CoordinateImportResult, SiteImportResult }

const MAX_PAGE_SIZE = 100 // the API's limit

export function useSites(query: SitesQuery) {
  return useRequest(
    (signal) => apiClient.get<Page<Site>>('/api/logistics/sites', { ...query }, signal),
    JSON.stringify(query),
  )
}

/** Every site for the map: the county has ~305, so a few pages of the largest size. */
async function getAllSites(signal: AbortSignal): Promise<Site[]> {
  const sites: Site[] = []
  for (let page = 1; ; page++) {
    const answer = await apiClient.get<Page<Site>>(
      '/api/logistics/sites',
      { page, pageSize: MAX_PAGE_SIZE },
      signal,
    )
    sites.push(...answer.items)
    if (answer.items.length === 0 || sites.length >= answer.total) return sites
  }
}

/** `version` reloads the map after an edit or an import. */
export function useAllSites(version: number) {
  return useRequest((signal) => getAllSites(signal), `all:${version}`)
}

export function createSite(body: CreateSiteBody): Promise<Site> {
  return apiClient.post<Site>('/api/logistics/sites', body)
}

export function updateSite(id: string, body: UpdateSiteBody): Promise<Site> {
  return apiClient.patch<Site>(`/api/logistics/sites/${encodeURIComponent(id)}`, body)
}

export function closeSite(id: string): Promise<Site> {
  return apiClient.post<Site>(`/api/logistics/sites/${encodeURIComponent(id)}/close`)
}

export function reopenSite(id: string): Promise<Site> {
  return apiClient.post<Site>(`/api/logistics/sites/${encodeURIComponent(id)}/reopen`)
}

export function uploadCoordinates(file: File): Promise<CoordinateImportResult> {
  const form = new FormData()
  form.append('file', file)
  return apiClient.postForm<CoordinateImportResult>('/api/logistics/sites/coordinates', form)
}

export function importSites(file: File): Promise<SiteImportResult> {
  const form = new FormData()
  form.append('file', file)
  return apiClient.postForm<SiteImportResult>('/api/logistics/sites/import', form)
}

/** Plain links: the browser downloads with the session cookie. */
export const sitesXlsxUrl = (query: Omit<SitesQuery, 'page' | 'pageSize'>) =>
  buildUrl('/api/logistics/sites.xlsx', { ...query })
export const siteTemplateUrl = (format: 'xlsx' | 'csv') =>
  buildUrl('/api/logistics/sites/template', { format })

/** The village-station organizations a village station may be linked to (its station master). */
export function useStationOrganizations() {
  return useRequest(
    async (signal) =>
      (
        await apiClient.get<Page<{ id: string; name: string }>>(
          '/api/organizations',
          { type: 'village_station', pageSize: MAX_PAGE_SIZE },
          signal,
        )
      ).items,
    'station-organizations',
  )
}
