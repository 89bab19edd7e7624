import { apiClient } from '../../../lib/api-client'
import type { Page, PageQuery, User } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

export interface UsersQuery extends PageQuery {
  q?: string
  organizationId?: string
}

export function getUsers(query: UsersQuery, signal?: AbortSignal): Promise<Page<User>> {
  return apiClient.get<Page<User>>('/api/users', { ...query }, signal)
}

export function useUsers(query: UsersQuery) {
  return useRequest((signal) => getUsers(query, signal), JSON.stringify(query))
}
