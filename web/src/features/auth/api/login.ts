import { apiClient, setCsrfToken } from '../../../lib/api-client'
import type { LoginBody, Me } from '../../../lib/api-types'

export async function login(body: LoginBody): Promise<Me> {
  const me = await apiClient.post<Me>('/api/auth/login', body)
  setCsrfToken(me.csrfToken)
  return me
}
