import type { Db } from '../../../db/database.js'
import type { Write } from '../../../db/write-batch.js'
import { nowIso } from '../../../shared/clock.js'
import { newId } from '../../../shared/ids.js'
import type { StockMovementTable } from './stock-schema.js'

// Stock moves between the columns of a stock level with conditional updates: a reservation only
// happens while enough units are available, checked and changed in one statement, so concurrent
// checkouts on SQLite or PostgreSQL can never sell a unit twice.

export interface StockChange {
  skuId: string
  locationId: string
  quantity: number
  orderId?: string | null
  actorUserId?: string | null
  note?: string | null
}

/** Takes units from available into reserved; false (and nothing changed) when too few are left. */
export async function reserveStock(db: Db, change: StockChange): Promise<boolean> {
  const result = await db
    .updateTable('stock_level')
    .set((eb) => ({
      available: eb('available', '-', change.quantity),
      reserved: eb('reserved', '+', change.quantity),
      updated_at: nowIso(),
    }))
    .where('sku_id', '=', change.skuId)
    .where('location_id', '=', change.locationId)
    .where('available', '>=', change.quantity)
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n) return false
  await recordMovement(db, 'reserve', change)
  return true
}

/** A reservation's conditional update, as one of a batch's writes. */
export interface ReservationWrite {
  change: StockChange
  write: Write
}

/**
 * The writes that reserve every change, for a checkout's write batch (src/db/write-batch.ts,
 * issue 14): the ledger rows in one insert, then one update per stock row in SKU order (so
 * concurrent checkouts lock the rows in the same order: no deadlock on PostgreSQL), each
 * returning the row it changed.
 *
 * What refuses a sale of more than is left depends on where the batch runs. In a transaction,
 * each update applies only while enough units are available: one that returns no row found too
 * few, and the caller must roll back, ledger rows and all. Outside a transaction (one statement
 * on PostgreSQL, committed by itself) the updates take the units unconditionally and the
 * table's `stock_level_available_ck` constraint (available ≥ 0) fails the whole statement
 * instead: `isStockShortage` tells that error.
 */
export function reservationWrites(
  db: Db,
  changes: readonly StockChange[],
): { ledger: Write; updates: ReservationWrite[] } {
  const now = nowIso()
  const conditional = db.isTransaction
  const updates = [...changes]
    .sort((a, b) => a.skuId.localeCompare(b.skuId))
    .map((change) => {
      const update = db
        .updateTable('stock_level')
        .set((eb) => ({
          available: eb('available', '-', change.quantity),
          reserved: eb('reserved', '+', change.quantity),
          updated_at: now,
        }))
        .where('sku_id', '=', change.skuId)
        .where('location_id', '=', change.locationId)
      const write = (
        conditional ? update.where('available', '>=', change.quantity) : update
      ).returning('sku_id')
      return { change, write }
    })
  return { ledger: movementsInsert(db, 'reserve', changes), updates }
}

/** The error of a batch whose unconditional stock update would have left fewer than none. */
export const isStockShortage = (error: unknown): boolean =>
  error instanceof Error &&
  (error as { constraint?: string }).constraint === 'stock_level_available_ck'

/** Returns reserved units to available (an order cancelled or expired before payment). */
export const releaseStock = (db: Db, change: StockChange) => moveReserved(db, change, 'release')

/** Turns reserved units into sold ones (the order was paid). */
export const sellReservedStock = (db: Db, change: StockChange) => moveReserved(db, change, 'sell')

async function moveReserved(db: Db, change: StockChange, kind: 'release' | 'sell'): Promise<void> {
  const q = change.quantity
  const result = await db
    .updateTable('stock_level')
    .set((eb) => ({
      ...(kind === 'release'
        ? { available: eb('available', '+', q) }
        : { sold: eb('sold', '+', q) }),
      reserved: eb('reserved', '-', q),
      updated_at: nowIso(),
    }))
    .where('sku_id', '=', change.skuId)
    .where('location_id', '=', change.locationId)
    .where('reserved', '>=', q)
    .executeTakeFirst()
  // Reservations and their release or sale happen in the order's own transitions; a mismatch
  // means the books are wrong, and the transaction must not commit.
  if (result.numUpdatedRows !== 1n)
    throw new Error(`stock ${change.skuId}@${change.locationId}: fewer than ${q} reserved`)
  await recordMovement(db, kind, change)
}

/** Sold units come back on the shelf: an order refunded before the customer took the goods. */
export async function restockSold(db: Db, change: StockChange): Promise<void> {
  const q = change.quantity
  const result = await db
    .updateTable('stock_level')
    .set((eb) => ({
      available: eb('available', '+', q),
      sold: eb('sold', '-', q),
      updated_at: nowIso(),
    }))
    .where('sku_id', '=', change.skuId)
    .where('location_id', '=', change.locationId)
    .where('sold', '>=', q)
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n)
    throw new Error(`stock ${change.skuId}@${change.locationId}: fewer than ${q} sold`)
  await recordMovement(db, 'restock', change)
}

/** Goods arrive at a location: received and available both grow. */
export async function receiveStock(db: Db, change: StockChange): Promise<void> {
  const now = nowIso()
  await db
    .insertInto('stock_level')
    .values({
      sku_id: change.skuId,
      location_id: change.locationId,
      available: change.quantity,
      reserved: 0,
      sold: 0,
      received: change.quantity,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['sku_id', 'location_id']).doUpdateSet((eb) => ({
        available: eb('stock_level.available', '+', change.quantity),
        received: eb('stock_level.received', '+', change.quantity),
        updated_at: now,
      })),
    )
    .execute()
  await recordMovement(db, 'receive', change)
}

const recordMovement = (db: Db, kind: StockMovementTable['kind'], change: StockChange) =>
  recordMovements(db, kind, [change])

async function recordMovements(
  db: Db,
  kind: StockMovementTable['kind'],
  changes: readonly StockChange[],
): Promise<void> {
  await movementsInsert(db, kind, changes).execute()
}

function movementsInsert(
  db: Db,
  kind: StockMovementTable['kind'],
  changes: readonly StockChange[],
) {
  const at = nowIso()
  return db.insertInto('stock_movement').values(
    changes.map((change) => ({
      id: newId(),
      sku_id: change.skuId,
      location_id: change.locationId,
      kind,
      quantity: change.quantity,
      order_id: change.orderId ?? null,
      note: change.note ?? null,
      actor_user_id: change.actorUserId ?? null,
      at,
    })),
  )
}
