import type { Db } from '../../../db/database.js'
import { recordAuditBatch } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { addBuyerUnits } from './buyer-units.js'
import type { PendingHold, RedisFlashStock } from './redis-stock.js'
import type { FlashHoldRow } from './schema.js'

// Admissions decided in Redis reach the database here, in batches, after the buyer has had the
// answer. Writing is idempotent: a hold already in the database (written by an earlier round
// that died before it could trim the stream, by another node, or by the buyer's own checkout)
// is skipped, with its buyer count and audit entry, so an entry read twice is written once.

/** Entries written per transaction. */
const BATCH = 500

/**
 * Writes holds Redis admitted, inside the caller's transaction: the holds that are new, their
 * buyers' counts and one audit entry each (under the buyer who asked, at the admission's time).
 * Answers how many were new.
 */
export async function writePendingHolds(db: Db, holds: readonly PendingHold[]): Promise<number> {
  if (holds.length === 0) return 0
  const inserted = await db
    .insertInto('flash_hold')
    .values(holds.map(pendingHoldRow))
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute()
  const isNew = new Set(inserted.map((row) => row.id))
  const fresh = holds.filter((hold) => isNew.has(hold.id))
  await countBuyers(db, fresh)
  await recordAuditBatch(
    db,
    fresh.map((hold) => ({
      actor: buyerActor(hold),
      at: new Date(hold.createdMs).toISOString(),
      event: {
        action: 'flash_hold.held',
        entityType: 'flash_hold',
        entityId: hold.id,
        organizationId: null,
        after: { sessionId: hold.sessionId, skuId: hold.skuId, quantity: hold.quantity },
      },
    })),
  )
  return fresh.length
}

/** A hold Redis admitted, as its database row will be. */
export const pendingHoldRow = (hold: PendingHold): FlashHoldRow => ({
  id: hold.id,
  session_id: hold.sessionId,
  sku_id: hold.skuId,
  user_id: hold.userId,
  quantity: hold.quantity,
  status: 'held',
  order_id: null,
  share_code: hold.shareCode,
  expires_at: new Date(hold.expiresMs).toISOString(),
  created_at: new Date(hold.createdMs).toISOString(),
  updated_at: new Date(hold.createdMs).toISOString(),
})

/**
 * Adds the new holds' units to flash_buyer, one row per buyer and session. Redis already kept
 * every buyer within the limit; the database's own check stays as a second line.
 */
async function countBuyers(db: Db, holds: readonly PendingHold[]): Promise<void> {
  const perBuyer = new Map<
    string,
    { session_id: string; user_id: string; units: number; unit_limit: number }
  >()
  for (const hold of holds) {
    const key = `${hold.sessionId} ${hold.userId}`
    const row = perBuyer.get(key)
    if (row) row.units += hold.quantity
    else
      perBuyer.set(key, {
        session_id: hold.sessionId,
        user_id: hold.userId,
        units: hold.quantity,
        unit_limit: hold.limit,
      })
  }
  await addBuyerUnits(db, [...perBuyer.values()])
}

/** The buyer's request, as the audit log names it: who, which request, from where. */
const buyerActor = (hold: PendingHold): Actor => ({
  principal: null,
  scope: { county: false, organizationIds: new Set() },
  requestId: hold.requestId,
  ip: hold.ip,
  claimed: { userId: hold.userId, name: hold.actorName },
  auditedEntries: 0,
})

/**
 * One round of the hold persister: every session's admissions stream, in batches of 500, each
 * batch one transaction; the entries leave the stream only after their transaction committed,
 * so a crash at any point loses nothing (the next round writes them, or finds them written).
 */
export async function persistAdmissions(db: Db, stock: RedisFlashStock): Promise<number> {
  let written = 0
  for (const sessionId of await stock.sessionsWithAdmissions()) {
    for (;;) {
      const batch = await stock.admissions(sessionId, BATCH)
      if (batch.length === 0) break
      written += await db.transaction().execute((trx) =>
        writePendingHolds(
          trx,
          batch.map((entry) => entry.hold),
        ),
      )
      await stock.forget(sessionId, batch)
      if (batch.length < BATCH) break
    }
    await stock.retireIfDone(sessionId)
  }
  return written
}

/**
 * The hold a buyer was just admitted to, written now if the persister has not caught up (its
 * page and its checkout need it in the database); nothing when it is there already.
 */
export async function persistIfPending(
  db: Db,
  stock: RedisFlashStock | undefined,
  userId: string,
  holdId: string,
): Promise<void> {
  const pending = await stock?.pendingHold(holdId)
  if (pending?.userId !== userId) return
  await db.transaction().execute((trx) => writePendingHolds(trx, [pending]))
}
