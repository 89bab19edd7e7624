import { apiClient, setCsrfToken } from '../../../lib/api-client'
import { isApiError } from '../../../lib/api-error'
import type { Me } from '../../../lib/api-types'

/** The signed-in user, or null when there is no session. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await apiClient.get<Me>('/api/auth/me', undefined, signal)
    setCsrfToken(me.csrfToken)
    return me
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null
    throw error
  }
}
