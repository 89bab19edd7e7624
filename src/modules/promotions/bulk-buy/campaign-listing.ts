import type { Db } from '../../../db/database.js'
import { type Page, type PageQuery, pageWindow } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { locationNames, skuIdsOfProduct, skuLabels } from '../../commerce/index.js'
import { unitsLeft } from './campaign-progress.js'
import { ladderOf } from './campaigns.js'
import { progressText, tierFor } from './ladder.js'
import type { OpenCampaign } from './schema.js'

// The public list of 团购 campaigns taking orders now (open, inside the window), soonest to
// close first: the ones a neighbour must decide on today.

export async function openCampaigns(
  db: Db,
  query: PageQuery & { productId?: string },
  now: string = nowIso(),
): Promise<Page<OpenCampaign>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = db
    .selectFrom('bulk_campaign')
    .where('status', '=', 'open')
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
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
  const stores = await locationNames(
    db,
    rows.flatMap((row) => (row.pickup_location_id === null ? [] : [row.pickup_location_id])),
  )
  const items = rows.map((row) => {
    const ladder = ladderOf(row)
    const label = labels.get(row.sku_id)
    return {
      id: row.id,
      title: row.title,
      skuId: row.sku_id,
      productId: label?.productId ?? '',
      productTitle: label?.productTitle ?? '',
      spec: label?.spec ?? '',
      currentPriceFen: tierFor(ladder, row.paid_quantity).priceFen,
      text: progressText(ladder, row.paid_quantity, row.cap),
      left: unitsLeft(row),
      pickupLocationId: row.pickup_location_id,
      pickupStoreName:
        row.pickup_location_id === null ? null : (stores.get(row.pickup_location_id) ?? null),
      pickupDate: row.pickup_date,
      endsAt: row.ends_at,
    }
  })
  return { items, total: Number(counted.total), page, pageSize }
}
