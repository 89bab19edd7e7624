import { apiClient } from '../../../lib/api-client'
import type { Division, DivisionMatch } from '../../../lib/api-types'

/** Children of a division; without a parent, the county itself. */
export function getDivisions(parentCode?: string): Promise<Division[]> {
  return apiClient.get<Division[]>('/api/geography/divisions', { parentCode })
}

export function searchDivisions(q: string): Promise<DivisionMatch[]> {
  return apiClient.get<DivisionMatch[]>('/api/geography/search', { q })
}
