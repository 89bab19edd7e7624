import { apiClient } from '../../lib/api-client'
import type { Address, AddressBody } from '../../lib/api-types'

export const listAddresses = (signal?: AbortSignal) =>
  apiClient.get<Address[]>('/api/commerce/shop/addresses', undefined, signal)

export const addAddress = (body: AddressBody) =>
  apiClient.post<Address>('/api/commerce/shop/addresses', body)
