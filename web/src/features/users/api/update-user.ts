import { apiClient } from '../../../lib/api-client'
import type { UpdateUserBody, User } from '../../../lib/api-types'

export function updateUser(id: string, body: UpdateUserBody): Promise<User> {
  return apiClient.patch<User>(`/api/users/${encodeURIComponent(id)}`, body)
}
