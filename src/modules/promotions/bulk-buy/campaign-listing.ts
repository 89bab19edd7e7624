import type { Db } from '../../../db/database.js'
import { type Page, type PageQuery, pageWindow } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
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
    .innerJoin('sku', 'sku.id', 'bulk_campaign.sku_id')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .leftJoin('stock_location', 'stock_location.id', 'bulk_campaign.pickup_location_id')
    .where('bulk_campaign.status', '=', 'open')
    .where('bulk_campaign.starts_at', '<=', now)
    .where('bulk_campaign.ends_at', '>', now)
  if (query.productId) base = base.where('product.id', '=', query.productId)
  const [counted, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll('bulk_campaign')
      .select([
        'product.id as product_id',
        'product.title as product_title',
        'sku.spec',
        'stock_location.name as store_name',
      ])
      .orderBy('bulk_campaign.ends_at')
      .orderBy('bulk_campaign.id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  const items = rows.map((row) => {
    const ladder = ladderOf(row)
    return {
      id: row.id,
      title: row.title,
      skuId: row.sku_id,
      productId: row.product_id,
      productTitle: row.product_title,
      spec: row.spec,
      currentPriceFen: tierFor(ladder, row.paid_quantity).priceFen,
      text: progressText(ladder, row.paid_quantity, row.cap),
      left: unitsLeft(row),
      pickupLocationId: row.pickup_location_id,
      pickupStoreName: row.store_name,
      pickupDate: row.pickup_date,
      endsAt: row.ends_at,
    }
  })
  return { items, total: Number(counted.total), page, pageSize }
}
