import { apiClient } from '../../../lib/api-client'
import type {
  CoordinateImportResult,
  Page,
  PageQuery,
  Site,
  SiteKind,
  UpdateSiteBody,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

export interface SitesQuery extends PageQuery {
  q?: string
  kind?: SiteKind
  townshipCode?: string
}

export type { CoordinateImportResult }

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

export function updateSite(id: string, body: UpdateSiteBody): Promise<Site> {
  return apiClient.patch<Site>(`/api/logistics/sites/${encodeURIComponent(id)}`, body)
}

export function uploadCoordinates(file: File): Promise<CoordinateImportResult> {
  const form = new FormData()
  form.append('file', file)
  return apiClient.postForm<CoordinateImportResult>('/api/logistics/sites/coordinates', form)
}
