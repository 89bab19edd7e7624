import { apiClient } from './api-client'
import type { Division, Region } from './api-types'

/** Children of a division; without a parent, the county itself. */
export function getDivisions(parentCode?: string): Promise<Division[]> {
  return apiClient.get<Division[]>('/api/geography/divisions', { parentCode })
}

export function getDivision(code: string): Promise<Division> {
  return apiClient.get<Division>(`/api/geography/divisions/${encodeURIComponent(code)}`)
}

/** Nationwide regions (province → city → county → street); without a parent, the provinces. */
export function getRegions(parentCode?: string): Promise<Region[]> {
  return apiClient.get<Region[]>('/api/regions', { parentCode })
}
