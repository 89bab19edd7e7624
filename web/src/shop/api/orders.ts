import { apiClient } from '../../lib/api-client'
import type {
  CheckoutBody,
  CheckoutResult,
  Order,
  Page,
  PayAction,
  PickupPoint,
} from '../../lib/api-types'

const BASE = '/api/commerce/shop'

export const listPickupPoints = (kind: 'store' | 'station', signal?: AbortSignal) =>
  apiClient.get<PickupPoint[]>(`${BASE}/pickup-points`, { kind }, signal)

export const checkout = (body: CheckoutBody) =>
  apiClient.post<CheckoutResult>(`${BASE}/checkout`, body)

export const payAgain = (paymentId: string) =>
  apiClient.post<PayAction>(`${BASE}/payments/${encodeURIComponent(paymentId)}/pay`)

export const listMyOrders = (page: number, pageSize: number, signal?: AbortSignal) =>
  apiClient.get<Page<Order>>(`${BASE}/orders`, { page, pageSize }, signal)

export const getMyOrder = (id: string, signal?: AbortSignal) =>
  apiClient.get<Order>(`${BASE}/orders/${encodeURIComponent(id)}`, undefined, signal)

/** Closes an unpaid order, or refunds a paid one that has not been collected. */
export const cancelOrder = (id: string) =>
  apiClient.post<Order>(`${BASE}/orders/${encodeURIComponent(id)}/cancel`)
