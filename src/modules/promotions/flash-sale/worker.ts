import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../../db/database.js'
import { systemActor } from '../../../platform/http/index.js'
import { type PeriodicJob, startPeriodicJob } from '../../../platform/jobs/index.js'
import { nowIso } from '../../../shared/clock.js'
import { persistAdmissions } from './hold-persister.js'
import { expireFlashHolds } from './holds.js'
import type { RedisFlashStock } from './redis-stock.js'
import { endSession, type FlashSaleContext } from './sessions.js'

/**
 * One round of the flash sale worker: admissions still in Redis are written first (so their
 * holds can expire), holds not ordered within their window give their units back, and sessions
 * past their end are ended (their Redis stock reconciled into the database). Safe on several
 * nodes at once: every change is a compare-and-set.
 */
export async function runFlashSaleRound(
  db: Db,
  context: FlashSaleContext,
  now: string = nowIso(),
): Promise<{ released: number; ended: number }> {
  if (context.redisStock) await persistAdmissions(db, context.redisStock)
  const released = await expireFlashHolds(db, context, now)
  const due = await db
    .selectFrom('flash_session')
    .selectAll()
    .where('status', 'in', ['scheduled', 'paused'])
    .where('ends_at', '<=', now)
    .execute()
  let ended = 0
  for (const session of due) {
    await db
      .transaction()
      .execute((trx) => endSession(trx, systemActor('flash-sale'), context, session, now))
      .then(
        () => (ended += 1),
        () => undefined, // another node ended it first
      )
  }
  return { released, ended }
}

export const startFlashSaleWorker = (
  db: Db,
  context: FlashSaleContext,
  log: FastifyBaseLogger,
  intervalMs = 5_000,
): PeriodicJob =>
  startPeriodicJob('flash-sale', intervalMs, () => runFlashSaleRound(db, context), log, { db })

/**
 * The hold persister of a node with Redis: admissions reach the database within about this
 * interval of their answer (plus the batch's own write). Like every round it runs on one node at
 * a time, and it asks for the lease only when Redis has admissions waiting.
 */
export const startHoldPersister = (
  db: Db,
  stock: RedisFlashStock,
  log: FastifyBaseLogger,
  intervalMs = 250,
): PeriodicJob =>
  startPeriodicJob('flash-sale-holds', intervalMs, () => persistAdmissions(db, stock), log, {
    db,
    whenDue: () => stock.hasAdmissions(),
  })
