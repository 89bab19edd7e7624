import { apiClient } from '../../lib/api-client'
import type { Customer, LoginCodeSent, Me } from '../../lib/api-types'

// Buyers sign in with a texted code; the session cookie is the console's.

export const sendLoginCode = (phone: string) =>
  apiClient.post<LoginCodeSent>('/api/commerce/shop/auth/code', { phone })

export const logInWithCode = (phone: string, code: string) =>
  apiClient.post<Customer>('/api/commerce/shop/auth/login', { phone, code })

export const getMe = (signal?: AbortSignal) => apiClient.get<Me>('/api/auth/me', undefined, signal)

export const logOut = () => apiClient.post<undefined>('/api/auth/logout')
