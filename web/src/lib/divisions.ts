import { apiClient } from './api-client'
import type { Division } from './api-types'

/** Children of a division; without a parent, the county itself. */
export function getDivisions(parentCode?: string): Promise<Division[]> {
  return apiClient.get<Division[]>('/api/geography/divisions', { parentCode })
}

export function getDivision(code: string): Promise<Division> {
  return apiClient.get<Division>(`/api/geography/divisions/${encodeURIComponent(code)}`)
}
