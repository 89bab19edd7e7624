import type { Db } from '../../../db/database.js'
import { type Page, type PageQuery, pageWindow } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { skuIdsOfProduct, skuLabels } from '../../commerce/index.js'
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
    .where('status', '=', 'active')
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .whereRef('stock_taken', '<', 'stock')
  if (query.productId)
    base = base.where('sku_id', 'in', [...(await skuIdsOfProduct(db, query.productId)), ''])
  const [counted, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    base.selectAll().orderBy('ends_at').orderBy('id').limit(pageSize).offset(offset).execute(),
  ])
  const labels = await skuLabels(
    db,
    rows.map((row) => row.sku_id),
  )
  const items = rows.map((row) => ({
    id: row.id,
    title: row.title,
    skuId: row.sku_id,
    productId: labels.get(row.sku_id)?.productId ?? '',
    productTitle: labels.get(row.sku_id)?.productTitle ?? '',
    spec: labels.get(row.sku_id)?.spec ?? '',
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
