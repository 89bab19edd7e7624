import { apiClient } from '../../../lib/api-client'
import type { CreateUserBody, User } from '../../../lib/api-types'

export function createUser(body: CreateUserBody): Promise<User> {
  return apiClient.post<User>('/api/users', body)
}
