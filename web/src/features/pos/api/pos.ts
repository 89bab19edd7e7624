import { apiClient } from '../../../lib/api-client'
import type {
  Membership,
  Order,
  Page,
  PickupPoint,
  ProductCard,
  ProductDetail,
} from '../../../lib/api-types'
import { findMyPickupPoints } from '../../pickups/api/pickups'

const BASE = '/api/commerce'

export type PaidWith = 'cash' | 'wechat' | 'alipay' | 'unionpay'
export const PAID_WITH: readonly PaidWith[] = ['cash', 'wechat', 'alipay', 'unionpay']

/** The O2O stores the clerk's organizations run (the server checks "own store" again). */
export async function findMyStores(
  memberships: readonly Pick<Membership, 'organizationId'>[],
  signal?: AbortSignal,
): Promise<PickupPoint[]> {
  const points = await findMyPickupPoints(memberships, signal)
  return points.filter((point) => point.kind === 'store')
}

/**
 * Products on sale, found by title on the storefront: the clerk's stock list covers only the
 * clerk's own organization's products, and the storefront carries every shop's prices. The
 * server checks the shelf on the sale (409 when not enough).
 */
export const searchOnSale = (q: string, signal?: AbortSignal) =>
  apiClient.get<Page<ProductCard>>(`${BASE}/shop/products`, { q, page: 1, pageSize: 20 }, signal)

export const getOnSaleProduct = (productId: string, signal?: AbortSignal) =>
  apiClient.get<ProductDetail>(`${BASE}/shop/products/${productId}`, undefined, signal)

export interface CounterSale {
  locationId: string
  items: { skuId: string; quantity: number }[]
  paidWith: PaidWith
}

/** Records a sale paid at the counter; answers one completed order per shop. */
export const recordCounterSale = (sale: CounterSale) =>
  apiClient.post<Order[]>(`${BASE}/pos/sales`, sale)

export interface StoreLocalShare {
  locationId: string
  storeName: string
  salesFen: number
  localFen: number
  share: number | null
  meetsTarget: boolean | null
}

export const getStoreLocalShares = (from: string, to: string, signal?: AbortSignal) =>
  apiClient.get<StoreLocalShare[]>(`${BASE}/reports/store-local-share`, { from, to }, signal)
