import type { Db } from '../../../db/database.js'
import { skuLabels } from '../../commerce/index.js'
import { shareStats } from '../share-links/index.js'
import type { FlashReport, FlashSession, FlashSessionRow, FlashSessionStatus } from './schema.js'
import { sessionRow, stockOf, type FlashSaleContext } from './sessions.js'

// What the shop and the console see of flash sale sessions: the sessions with their SKUs and the
// stock left where it is counted now (Redis during a session, else the database), and the
// operator's report of what became of every admitted unit.

export async function listSessions(
  db: Db,
  context: FlashSaleContext,
  filter: { statuses?: FlashSessionStatus[]; endsAfter?: string; limit: number },
): Promise<FlashSession[]> {
  let query = db.selectFrom('flash_session').selectAll()
  if (filter.statuses) query = query.where('status', 'in', filter.statuses)
  if (filter.endsAfter) query = query.where('ends_at', '>', filter.endsAfter)
  const rows = await query.orderBy('starts_at').limit(filter.limit).execute()
  return Promise.all(rows.map((row) => toFlashSession(db, context, row)))
}

export async function toFlashSession(
  db: Db,
  context: FlashSaleContext,
  session: FlashSessionRow,
): Promise<FlashSession> {
  const onSale = await db
    .selectFrom('flash_sku')
    .select(['sku_id', 'sale_price_fen', 'stock_total', 'stock_left'])
    .where('session_id', '=', session.id)
    .execute()
  // In order of product title: the labels come in that order.
  const labels = await skuLabels(
    db,
    onSale.map((sku) => sku.sku_id),
  )
  const skus = [...labels.values()].flatMap((label) =>
    onSale.filter((sku) => sku.sku_id === label.skuId).map((sku) => ({ ...sku, label })),
  )
  const left = await stockOf(context, session).stockLeft(db, session)
  const views = skus.map((sku) => {
    const stockLeft = left.get(sku.sku_id) ?? sku.stock_left
    return {
      skuId: sku.sku_id,
      productId: sku.label.productId,
      title: sku.label.productTitle,
      spec: sku.label.spec,
      priceFen: sku.label.priceFen,
      salePriceFen: sku.sale_price_fen,
      stockTotal: sku.stock_total,
      stockLeft,
      soldOut: stockLeft <= 0,
    }
  })
  return {
    id: session.id,
    title: session.title,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
    paymentWindowS: session.payment_window_s,
    perUserLimit: session.per_user_limit,
    status: session.status,
    soldOut: views.every((sku) => sku.soldOut),
    skus: views,
  }
}

export async function reportSession(
  db: Db,
  context: FlashSaleContext,
  id: string,
): Promise<FlashReport> {
  const session = await sessionRow(db, id)
  const view = await toFlashSession(db, context, session)
  const rows = await db
    .selectFrom('flash_hold')
    .select((eb) => ['sku_id', 'status', eb.fn.sum<number | string>('quantity').as('units')])
    .where('session_id', '=', id)
    .groupBy(['sku_id', 'status'])
    .execute()
  const units = (skuId: string, status: string) =>
    Number(rows.find((r) => r.sku_id === skuId && r.status === status)?.units ?? 0)
  return {
    sessionId: id,
    status: session.status,
    skus: view.skus.map((sku) => ({
      skuId: sku.skuId,
      stockTotal: sku.stockTotal,
      stockLeft: sku.stockLeft,
      admitted: rows
        .filter((r) => r.sku_id === sku.skuId)
        .reduce((sum, r) => sum + Number(r.units), 0),
      held: units(sku.skuId, 'held'),
      ordered: units(sku.skuId, 'ordered'),
      paid: units(sku.skuId, 'paid'),
      released: units(sku.skuId, 'released'),
      refunded: units(sku.skuId, 'refunded'),
    })),
    share: await shareStats(db, 'flash_sale', id),
  }
}
