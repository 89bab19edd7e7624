import type { Db } from '../../../db/database.js'
import { nowIso } from '../../../shared/clock.js'
import type { FlashSessionRow } from './schema.js'

// Where a session's stock is counted: in the database (a conditional update, racing safely on
// SQLite and PostgreSQL) or in Redis (one Lua script; admissions themselves are decided there
// by redis-stock.ts's ADMIT). The per-user limit is kept by the database (flash_buyer) in both
// cases, as the check or as the second line.

export type AdmissionRefusal = 'not_in_window' | 'limit' | 'sold_out' | 'unknown_sku'

export interface FlashUnits {
  session: FlashSessionRow
  skuId: string
  userId: string
  quantity: number
}

export interface FlashStock {
  readonly kind: 'database' | 'redis'
  /**
   * Checks the window (unless `ignoreWindow`: a late payment re-admitted), the buyer's count and
   * the stock, and takes the units — in one atomic step. Null when admitted.
   */
  take(
    db: Db,
    units: FlashUnits,
    nowMs: number,
    ignoreWindow?: boolean,
  ): Promise<AdmissionRefusal | null>
  /** Gives units back: a hold released. */
  give(db: Db, units: FlashUnits): Promise<void>
  /** Units left per SKU. */
  stockLeft(db: Db, session: FlashSessionRow): Promise<Map<string, number>>
}

/** Stock counted in flash_sku: `stock_left = stock_left − q WHERE stock_left >= q`. */
export const databaseStock: FlashStock = {
  kind: 'database',
  async take(db, { session, skuId, quantity }) {
    const taken = await db
      .updateTable('flash_sku')
      .set((eb) => ({ stock_left: eb('stock_left', '-', quantity), updated_at: nowIso() }))
      .where('session_id', '=', session.id)
      .where('sku_id', '=', skuId)
      .where('stock_left', '>=', quantity)
      .executeTakeFirst()
    return taken.numUpdatedRows === 1n ? null : 'sold_out'
  },
  async give(db, { session, skuId, quantity }) {
    await db
      .updateTable('flash_sku')
      .set((eb) => ({ stock_left: eb('stock_left', '+', quantity), updated_at: nowIso() }))
      .where('session_id', '=', session.id)
      .where('sku_id', '=', skuId)
      .where((eb) => eb(eb('stock_left', '+', quantity), '<=', eb.ref('stock_total')))
      .execute()
  },
  async stockLeft(db, session) {
    const rows = await db
      .selectFrom('flash_sku')
      .select(['sku_id', 'stock_left'])
      .where('session_id', '=', session.id)
      .execute()
    return new Map(rows.map((row) => [row.sku_id, row.stock_left]))
  },
}

/** What each SKU has left and each buyer holds, counted from the holds: the truth. */
export async function countFromHolds(db: Db, sessionId: string) {
  const active = ['held', 'ordered', 'paid'] as const
  const skus = await db
    .selectFrom('flash_sku')
    .leftJoin('flash_hold', (join) =>
      join
        .onRef('flash_hold.session_id', '=', 'flash_sku.session_id')
        .onRef('flash_hold.sku_id', '=', 'flash_sku.sku_id')
        .on('flash_hold.status', 'in', active),
    )
    .select((eb) => [
      'flash_sku.sku_id',
      'flash_sku.stock_total',
      'flash_sku.sale_price_fen',
      eb.fn.coalesce(eb.fn.sum<number | string>('flash_hold.quantity'), eb.lit(0)).as('taken'),
    ])
    .where('flash_sku.session_id', '=', sessionId)
    .groupBy(['flash_sku.sku_id', 'flash_sku.stock_total', 'flash_sku.sale_price_fen'])
    .execute()
  const buyers = await db
    .selectFrom('flash_hold')
    .select((eb) => ['user_id', eb.fn.sum<number | string>('quantity').as('units')])
    .where('session_id', '=', sessionId)
    .where('status', 'in', active)
    .groupBy('user_id')
    .execute()
  return {
    stockLeft: new Map(skus.map((s) => [s.sku_id, s.stock_total - Number(s.taken)])),
    units: new Map(buyers.map((b) => [b.user_id, Number(b.units)])),
    prices: new Map(skus.map((s) => [s.sku_id, s.sale_price_fen])),
  }
}
