// Look-ups several features share. They live here, not in a feature, because features
// never import each other.
import { apiClient } from './api-client'
import type { Division, Organization, Page, Role } from './api-types'
import { useRequest } from './use-request'

let rolesPromise: Promise<Role[]> | null = null

/** The role catalogue rarely changes, so one request per page load is enough. */
export function getRoles(): Promise<Role[]> {
  rolesPromise ??= apiClient.get<Role[]>('/api/roles').catch((error: unknown) => {
    rolesPromise = null
    throw error
  })
  return rolesPromise
}

export function useRoles(): Role[] {
  return useRequest(() => getRoles(), 'roles').data ?? []
}

export function searchOrganizations(q: string, signal?: AbortSignal): Promise<Page<Organization>> {
  return apiClient.get<Page<Organization>>(
    '/api/organizations',
    { q, page: 1, pageSize: 50 },
    signal,
  )
}

export function getOrganization(id: string, signal?: AbortSignal): Promise<Organization> {
  return apiClient.get<Organization>(
    `/api/organizations/${encodeURIComponent(id)}`,
    undefined,
    signal,
  )
}

/** Turns a role key into its name in the UI language, falling back to the key itself. */
export function roleName(roles: Role[], role: string, zh: boolean): string {
  const found = roles.find((candidate) => candidate.role === role)
  if (!found) return role
  return zh ? found.nameZh : found.nameEn
}

let townshipsPromise: Promise<Division[]> | null = null

/** The county's townships (the children of the county division), loaded once per page load. */
export function getTownships(): Promise<Division[]> {
  townshipsPromise ??= apiClient
    .get<Division[]>('/api/geography/divisions')
    .then((counties) =>
      counties[0]
        ? apiClient.get<Division[]>('/api/geography/divisions', { parentCode: counties[0].code })
        : [],
    )
    .catch((error: unknown) => {
      townshipsPromise = null
      throw error
    })
  return townshipsPromise
}

/** Townships for filters; people without geography:read simply get none. */
export function useTownships(): Division[] {
  return useRequest(() => getTownships().catch(() => []), 'townships').data ?? []
}

export interface CarrierOption {
  id: string
  name: string
}

/**
 * The alliance's active carriers, for anyone who reads parcels: a carrier's people get their own
 * company, everyone else every member. `enabled: false` asks nothing.
 */
export function useAllianceCarriers(enabled = true) {
  return useRequest(
    (signal) =>
      enabled
        ? apiClient.get<CarrierOption[]>('/api/logistics/carriers', undefined, signal)
        : Promise.resolve([]),
    `alliance-carriers:${enabled}`,
  )
}
