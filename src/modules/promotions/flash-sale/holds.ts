import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import { type Actor, systemActor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError, conflict, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { databaseStock, type AdmissionRefusal, type FlashUnits } from './flash-stock.js'
import { addBuyerUnits } from './buyer-units.js'
import { pendingHoldRow } from './hold-persister.js'
import type { RedisFlashStock } from './redis-stock.js'
import type { FlashHold, FlashHoldRow, FlashSessionRow } from './schema.js'
import { transitionHold } from './session-status.js'
import { sessionRow, stockOf, type FlashSaleContext } from './sessions.js'

// Holds: a unit admitted to a buyer. Admission is one atomic step (window, the buyer's limit,
// stock); the hold then waits for its order and payment for the session's payment window. A
// hold that is released gives its units back to the session and the buyer's count.

const REFUSALS: Record<AdmissionRefusal, { en: string; zh: string }> = {
  not_in_window: { en: 'the flash sale is not open', zh: '秒杀未开始或已结束' },
  limit: { en: 'you have already bought in this flash sale', zh: '您已抢购过，每人限购' },
  sold_out: { en: 'sold out', zh: '已抢光' },
  unknown_sku: { en: 'this item is not in the flash sale', zh: '该商品不在本场秒杀中' },
}

export const refusal = (reason: AdmissionRefusal) =>
  reason === 'unknown_sku'
    ? invalidField('skuId', REFUSALS[reason])
    : conflict(REFUSALS[reason], reason === 'not_in_window' ? 'sessionId' : 'skuId')

export const isOpen = (session: FlashSessionRow, nowMs: number) =>
  session.status === 'scheduled' &&
  Date.parse(session.starts_at) <= nowMs &&
  nowMs < Date.parse(session.ends_at)

/** Counts units against the buyer's limit in the database (flash_buyer: unique key, check). */
async function countBuyerUnits(db: Db, units: FlashUnits): Promise<boolean> {
  const row = {
    session_id: units.session.id,
    user_id: units.userId,
    units: units.quantity,
    unit_limit: units.session.per_user_limit,
  }
  return (await addBuyerUnits(db, [row])) === 1
}

/**
 * Takes units for a buyer inside the caller's transaction (a late payment re-admitted): the
 * session's stock and the buyer's count, or nothing (Redis, outside the transaction, is given
 * back when the database refuses).
 */
async function takeUnits(
  db: Db,
  context: FlashSaleContext,
  units: FlashUnits,
  nowMs: number,
  ignoreWindow: boolean,
): Promise<AdmissionRefusal | null> {
  const stock = stockOf(context, units.session)
  const refused = await stock.take(db, units, nowMs, ignoreWindow)
  if (refused) return refused
  let counted = false
  try {
    counted = await countBuyerUnits(db, units)
  } finally {
    if (!counted && stock.kind === 'redis') await stock.give(db, units)
  }
  return counted ? null : 'limit'
}

/** Gives a released hold's units back to the session and to the buyer's count. */
async function returnUnits(db: Db, context: FlashSaleContext, hold: FlashHoldRow): Promise<void> {
  const session = await sessionRow(db, hold.session_id)
  await db
    .updateTable('flash_buyer')
    .set((eb) => ({ units: eb('units', '-', hold.quantity) }))
    .where('session_id', '=', hold.session_id)
    .where('user_id', '=', hold.user_id)
    .where('units', '>=', hold.quantity)
    .execute()
  await stockOf(context, session).give(db, {
    session,
    skuId: hold.sku_id,
    userId: hold.user_id,
    quantity: hold.quantity,
  })
}

/** Runs work in the request's transaction (withTransaction), with its audit actor. */
export type InTransaction = <T>(work: (trx: Db, actor: Actor) => Promise<T>) => Promise<T>

/** Who is asking for a unit, and where they came from (the share link, MKT-2). */
export interface AdmissionRequest {
  sessionId: string
  skuId: string
  userId: string
  quantity: number
  /** The share link the buyer came through; counted when the hold becomes an order. */
  shareCode?: string | undefined
}

const overLimit = (limit: number) =>
  invalidField('quantity', { en: `at most ${limit} per buyer`, zh: `每人限购 ${limit} 件` })

/**
 * Admits a buyer: a hold on `quantity` units at the sale price, or a 409 saying why not. A
 * session counted in Redis is decided and recorded there alone (redis-admission below); the
 * hold reaches the database moments later (hold-persister.ts). Otherwise the conditional
 * update, the buyer's count and the hold are one database transaction.
 */
export async function admitBuyer(
  db: Db,
  actor: Actor,
  context: FlashSaleContext,
  input: AdmissionRequest,
  inTransaction: InTransaction,
  now = nowIso(),
): Promise<FlashHold> {
  if (context.redisStock) {
    const admitted = await admitInRedis(db, actor, context.redisStock, input, now)
    if (admitted) return admitted
  }
  const session = await sessionRow(db, input.sessionId)
  const nowMs = Date.parse(now)
  if (!isOpen(session, nowMs)) throw refusal('not_in_window')
  if (input.quantity > session.per_user_limit) throw overLimit(session.per_user_limit)
  const sku = await db
    .selectFrom('flash_sku')
    .select('sale_price_fen')
    .where('session_id', '=', session.id)
    .where('sku_id', '=', input.skuId)
    .executeTakeFirst()
  if (!sku) throw refusal('unknown_sku')
  const units = { session, skuId: input.skuId, userId: input.userId, quantity: input.quantity }
  const hold: FlashHoldRow = {
    id: newId(),
    session_id: session.id,
    sku_id: input.skuId,
    user_id: input.userId,
    quantity: input.quantity,
    status: 'held',
    order_id: null,
    share_code: input.shareCode ?? null,
    expires_at: new Date(nowMs + session.payment_window_s * 1000).toISOString(),
    created_at: now,
    updated_at: now,
  }
  await inTransaction(async (trx, actor) => {
    const refused = await databaseStock.take(trx, units, nowMs)
    if (refused) throw refusal(refused)
    if (!(await countBuyerUnits(trx, units))) throw refusal('limit')
    await trx.insertInto('flash_hold').values(hold).execute()
    await recordAudit(trx, actor, {
      action: 'flash_hold.held',
      entityType: 'flash_hold',
      entityId: hold.id,
      organizationId: null,
      after: { sessionId: session.id, skuId: input.skuId, quantity: input.quantity },
    })
  })
  return toFlashHold(hold, sku.sale_price_fen, now)
}

/**
 * The admission of a session counted in Redis: one script decides (window, the buyer's limit,
 * stock) and records the hold; no database round trip unless Redis has not loaded the session
 * yet. Null when the session is counted in the database.
 */
async function admitInRedis(
  db: Db,
  actor: Actor,
  stock: RedisFlashStock,
  input: AdmissionRequest,
  now: string,
): Promise<FlashHold | null> {
  const nowMs = Date.parse(now)
  const hold = {
    id: newId(nowMs),
    shareCode: input.shareCode ?? null,
    requestId: actor.requestId,
    ip: actor.ip,
    actorName: actor.principal?.displayName ?? '',
  }
  let reply = await stock.admit(input, hold, nowMs)
  if (reply.kind === 'not_loaded') {
    const session = await sessionRow(db, input.sessionId)
    if (session.stock_in_redis !== 1) return null
    if (!isOpen(session, nowMs)) throw refusal('not_in_window')
    await stock.load(db, session)
    reply = await stock.admit(input, hold, nowMs)
    // Still not there: the session ended in between.
    if (reply.kind === 'not_loaded') throw refusal('not_in_window')
  }
  if (reply.kind === 'refused')
    throw reply.reason === 'quantity' ? overLimit(reply.limit) : refusal(reply.reason)
  return toFlashHold(pendingHoldRow(reply.hold), reply.hold.priceFen, now)
}

export const toFlashHold = (hold: FlashHoldRow, salePriceFen: number, now: string): FlashHold => ({
  id: hold.id,
  sessionId: hold.session_id,
  skuId: hold.sku_id,
  quantity: hold.quantity,
  salePriceFen,
  status: hold.status,
  orderId: hold.order_id,
  expiresAt: hold.expires_at,
  serverTime: now,
})

/**
 * The buyer's hold as the shop shows it: from the database, or from Redis while the persister
 * has not written it yet (the database first: once written, the hold moves on there).
 */
export async function myHoldView(
  db: Db,
  context: FlashSaleContext,
  userId: string,
  id: string,
  now = nowIso(),
): Promise<FlashHold> {
  const written = await findMyHold(db, userId, id)
  const pending = written ? undefined : await context.redisStock?.pendingHold(id)
  if (pending?.userId === userId) return toFlashHold(pendingHoldRow(pending), pending.priceFen, now)
  // Not in Redis either: written in between, or not the buyer's.
  const hold = written ?? (await myHold(db, userId, id))
  const sku = await db
    .selectFrom('flash_sku')
    .select('sale_price_fen')
    .where('session_id', '=', hold.session_id)
    .where('sku_id', '=', hold.sku_id)
    .executeTakeFirstOrThrow()
  return toFlashHold(hold, sku.sale_price_fen, now)
}

const findMyHold = (db: Db, userId: string, id: string) =>
  db
    .selectFrom('flash_hold')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()

export async function myHold(db: Db, userId: string, id: string): Promise<FlashHoldRow> {
  const hold = await findMyHold(db, userId, id)
  if (!hold) throw notFound({ en: 'flash sale hold', zh: '秒杀资格' }, id)
  return hold
}

/** The hold cannot be ordered (any more): why, in the buyer's words. */
export const holdGone = (hold: FlashHoldRow) =>
  new AppError('conflict', {
    en: `the hold is ${hold.status === 'held' ? 'expired' : hold.status}`,
    zh: '抢购资格已过期，请重新抢购',
  })

/** Releases a held or ordered hold and returns its units; false when it had moved on. */
export async function releaseHold(
  db: Db,
  actor: Actor,
  context: FlashSaleContext,
  hold: FlashHoldRow,
  from: 'held' | 'ordered',
  note: string,
): Promise<boolean> {
  if (!(await transitionHold(db, actor, hold, from, 'released', {}, note))) return false
  await returnUnits(db, context, hold)
  return true
}

/** The flash sale worker's sweep: holds not turned into an order within the window go back. */
export async function expireFlashHolds(
  db: Db,
  context: FlashSaleContext,
  now = nowIso(),
): Promise<number> {
  const due = await db
    .selectFrom('flash_hold')
    .selectAll()
    .where('status', '=', 'held')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(500)
    .execute()
  let released = 0
  const actor = systemActor('flash-sale')
  for (const hold of due) {
    const done = await db
      .transaction()
      .execute((trx) => releaseHold(trx, actor, context, hold, 'held', '未在时限内下单'))
    if (done) released += 1
  }
  return released
}

/** A late payment: takes the units again if the session still has them (window or not). */
export async function readmitHold(
  db: Db,
  context: FlashSaleContext,
  hold: FlashHoldRow,
): Promise<boolean> {
  const session = await sessionRow(db, hold.session_id)
  const units = { session, skuId: hold.sku_id, userId: hold.user_id, quantity: hold.quantity }
  return (await takeUnits(db, context, units, Date.now(), true)) === null
}
