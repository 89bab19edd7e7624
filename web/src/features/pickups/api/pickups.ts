import { apiClient } from '../../../lib/api-client'
import type { Membership, Order, PickupPoint } from '../../../lib/api-types'

/**
 * The pickup points the clerk's organizations run; county-wide staff, whose organizations run
 * none, get every point. The server checks the scope again on hand-over.
 */
export async function findMyPickupPoints(
  memberships: readonly Pick<Membership, 'organizationId'>[],
  signal?: AbortSignal,
): Promise<PickupPoint[]> {
  const points = await apiClient.get<PickupPoint[]>(
    '/api/commerce/stock-locations',
    undefined,
    signal,
  )
  const organizations = new Set(memberships.map((m) => m.organizationId))
  const pickupPoints = points.filter((point) => point.kind !== 'warehouse')
  const mine = pickupPoints.filter(
    (point) => point.organizationId !== null && organizations.has(point.organizationId),
  )
  return mine.length > 0 ? mine : pickupPoints
}

export const handOverOrder = (locationId: string, code: string) =>
  apiClient.post<Order>('/api/commerce/pickups/hand-over', { locationId, code })
