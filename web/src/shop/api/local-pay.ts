import { apiClient } from '../../lib/api-client'
import type { LocalPayPage } from '../../../../src/modules/commerce/payments/payment-schema'

// The local payment stand-in's pay page (no real money moves); public, addressed by its token.

export type { LocalPayPage }

const path = (token: string) => `/api/commerce/shop/local-pay/${encodeURIComponent(token)}`

export const getLocalPayPage = (token: string, signal?: AbortSignal) =>
  apiClient.get<LocalPayPage>(path(token), undefined, signal)

export const answerLocalPay = (token: string, choice: 'confirm' | 'decline') =>
  apiClient.post<LocalPayPage>(`${path(token)}/${choice}`)
