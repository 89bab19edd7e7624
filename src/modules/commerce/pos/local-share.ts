import type { StoreLocalShare } from './pos-schema.js'
import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { shanghaiDayStartMs } from '../../../shared/clock.js'

// KPI-5: each O2O store sells at least 80 % local products (本地生鲜 or 本地特色), measured by sales
// in fen — online orders picked up at the store and counter sales alike; refunded orders left out.

export const LOCAL_SHARE_TARGET = 0.8

export async function storeLocalShares(
  db: Db,
  actor: Actor,
  period: { from: string; to: string },
): Promise<StoreLocalShare[]> {
  const from = new Date(shanghaiDayStartMs(period.from)).toISOString()
  const to = new Date(shanghaiDayStartMs(period.to) + 86_400_000).toISOString()
  let stores = db
    .selectFrom('stock_location')
    .select(['id', 'name', 'organization_id'])
    .where('kind', '=', 'store')
  if (!actor.scope.county)
    stores = stores.where('organization_id', 'in', [...actor.scope.organizationIds, ''])
  const locations = await stores.orderBy('name').execute()
  const lines = await db
    .selectFrom('order_line')
    .innerJoin('shop_order', 'shop_order.id', 'order_line.order_id')
    .select([
      'shop_order.location_id',
      'order_line.local_kind',
      'order_line.line_fen',
      'shop_order.status',
    ])
    .where('shop_order.location_id', 'in', [...locations.map((l) => l.id), ''])
    .where('shop_order.paid_at', '>=', from)
    .where('shop_order.paid_at', '<', to)
    .where('shop_order.status', 'in', ['paid', 'ready_for_pickup', 'shipped', 'completed'])
    .execute()
  return locations.map((location) => {
    const own = lines.filter((l) => l.location_id === location.id)
    const salesFen = own.reduce((sum, l) => sum + l.line_fen, 0)
    const localFen = own
      .filter((l) => l.local_kind !== null)
      .reduce((sum, l) => sum + l.line_fen, 0)
    const share = salesFen === 0 ? null : localFen / salesFen
    return {
      locationId: location.id,
      storeName: location.name,
      salesFen,
      localFen,
      share,
      meetsTarget: share === null ? null : share >= LOCAL_SHARE_TARGET,
    }
  })
}
