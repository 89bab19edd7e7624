import { apiClient } from '../../../lib/api-client'
import type {
  CounterSaleBody,
  Membership,
  Order,
  Page,
  PickupPoint,
  ProductCard,
  ProductDetail,
  StoreLocalShare,
} from '../../../lib/api-types'
import { findMyPickupPoints } from '../../pickups/api/pickups'

export type { StoreLocalShare }

const BASE = '/api/commerce'

export type PaidWith = CounterSaleBody['paidWith']
/** The value list lives here because web may not import server code; the check below keeps them equal. */
export const PAID_WITH = [
  'cash',
  'wechat',
  'alipay',
  'unionpay',
] as const satisfies readonly PaidWith[]
type MissingPaidWith = Exclude<PaidWith, (typeof PAID_WITH)[number]>
export const EVERY_PAID_WITH_LISTED: [MissingPaidWith] extends [never] ? true : never = true

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

/** Records a sale paid at the counter; answers one completed order per shop. */
export const recordCounterSale = (sale: CounterSaleBody) =>
  apiClient.post<Order[]>(`${BASE}/pos/sales`, sale)

export const getStoreLocalShares = (from: string, to: string, signal?: AbortSignal) =>
  apiClient.get<StoreLocalShare[]>(`${BASE}/reports/store-local-share`, { from, to }, signal)
