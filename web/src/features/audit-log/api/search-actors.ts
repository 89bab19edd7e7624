import { apiClient } from '../../../lib/api-client'
import type { Page, User } from '../../../lib/api-types'

/** Candidate actors for the filter; people without users:read simply get no suggestions. */
export function searchActors(q: string, signal?: AbortSignal): Promise<Page<User>> {
  return apiClient.get<Page<User>>('/api/users', { q, page: 1, pageSize: 20 }, signal)
}
