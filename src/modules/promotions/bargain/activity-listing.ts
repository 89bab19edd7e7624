import type { Db } from '../../../db/database.js'
import { type Page, type PageQuery, pageWindow } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import type { RunningBargainActivity } from './schema.js'

// The public list of 砍价 activities one can launch a bargain in now: active, inside the
// window, with stock left. Soonest to end first, so the H5 shows the most urgent.

export async function runningActivities(
  db: Db,
  query: PageQuery & { productId?: string },
  now: string = nowIso(),
): Promise<Page<RunningBargainActivity>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = db
    .selectFrom('bargain_activity')
    .innerJoin('sku', 'sku.id', 'bargain_activity.sku_id')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .where('bargain_activity.status', '=', 'active')
    .where('bargain_activity.starts_at', '<=', now)
    .where('bargain_activity.ends_at', '>', now)
    .whereRef('bargain_activity.stock_taken', '<', 'bargain_activity.stock')
  if (query.productId) base = base.where('product.id', '=', query.productId)
  const [counted, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll('bargain_activity')
      .select(['product.id as product_id', 'product.title as product_title', 'sku.spec'])
      .orderBy('bargain_activity.ends_at')
      .orderBy('bargain_activity.id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  const items = rows.map((row) => ({
    id: row.id,
    title: row.title,
    skuId: row.sku_id,
    productId: row.product_id,
    productTitle: row.product_title,
    spec: row.spec,
    originalPriceFen: row.original_price_fen,
    floorPriceFen: row.floor_price_fen,
    helpersNeeded: row.helpers_needed,
    durationS: row.duration_s,
    stockLeft: row.stock - row.stock_taken,
    buyBeforeFloor: row.buy_before_floor === 1,
    endsAt: row.ends_at,
  }))
  return { items, total: Number(counted.total), page, pageSize }
}
