import { apiClient, setCsrfToken } from '../../../lib/api-client'

export async function logout(): Promise<void> {
  try {
    await apiClient.post('/api/auth/logout')
  } finally {
    // Forget the token even if the server already dropped the session.
    setCsrfToken(null)
  }
}
