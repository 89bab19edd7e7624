import { apiClient } from '../../../lib/api-client'
import type { Organization, OrganizationType, Page, PageQuery } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

export interface OrganizationsQuery extends PageQuery {
  q?: string
  type?: OrganizationType
}

export function getOrganizations(
  query: OrganizationsQuery,
  signal?: AbortSignal,
): Promise<Page<Organization>> {
  return apiClient.get<Page<Organization>>('/api/organizations', { ...query }, signal)
}

export function useOrganizations(query: OrganizationsQuery) {
  return useRequest((signal) => getOrganizations(query, signal), JSON.stringify(query))
}
