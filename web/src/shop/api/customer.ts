import { apiClient } from '../../lib/api-client'
import { isApiError } from '../../lib/api-error'
import type { Customer, LoginCodeChallenge, LoginCodeSent, Me } from '../../lib/api-types'
import { solveProofOfWork } from '../proof-of-work'

// Buyers sign in with a texted code; the session cookie is the console's.

/**
 * Asks for a code; when the server wants a security check first (after a few codes from one
 * address), solves its proof-of-work challenge and asks once more, without bothering the buyer.
 */
export async function sendLoginCode(
  phone: string,
  onChecking?: () => void,
): Promise<LoginCodeSent> {
  try {
    return await apiClient.post<LoginCodeSent>('/api/commerce/shop/auth/code', { phone })
  } catch (error) {
    if (!isApiError(error) || error.code !== 'challenge_required') throw error
  }
  onChecking?.()
  const challenge = await apiClient.get<LoginCodeChallenge>('/api/commerce/shop/auth/challenge')
  const nonce = await solveProofOfWork(challenge.token, challenge.difficulty)
  return apiClient.post<LoginCodeSent>('/api/commerce/shop/auth/code', {
    phone,
    challenge: { token: challenge.token, nonce },
  })
}

export const logInWithCode = (phone: string, code: string) =>
  apiClient.post<Customer>('/api/commerce/shop/auth/login', { phone, code })

export const getMe = (signal?: AbortSignal) => apiClient.get<Me>('/api/auth/me', undefined, signal)

export const logOut = () => apiClient.post<undefined>('/api/auth/logout')
