import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { fenToYuan } from '../../../shared/money.js'
import { skusForSale } from '../../commerce/index.js'
import { createShareLink } from '../share-links/index.js'
import { countFromHolds, databaseStock, type FlashStock } from './flash-stock.js'
import type { Redis } from 'ioredis'
import { writePendingHolds } from './hold-persister.js'
import { RedisFlashStock } from './redis-stock.js'
import type { FlashSessionBody, FlashSessionRow, FlashSessionStatus } from './schema.js'
import { transitionSession } from './session-status.js'

// Flash sale sessions as the operating company runs them: created and edited as drafts,
// scheduled, paused and resumed, ended (by the worker at the end of the window, or by hand),
// and reported on.

/** The flash sale's dependencies: Redis when the app has it. */
export interface FlashSaleContext {
  redisStock?: RedisFlashStock | undefined
}

/** With Redis, admissions run as one Lua script; without, as a conditional database update. */
export const flashSaleContext = (
  redis: Redis | undefined,
  redisKeyPrefix?: string,
): FlashSaleContext => ({
  redisStock: redis ? new RedisFlashStock(redis, writePendingHolds, redisKeyPrefix) : undefined,
})

/** Where this session's stock is counted right now. */
export const stockOf = (context: FlashSaleContext, session: FlashSessionRow): FlashStock =>
  context.redisStock && session.stock_in_redis === 1 ? context.redisStock : databaseStock

export async function sessionRow(db: Db, id: string): Promise<FlashSessionRow> {
  const row = await db
    .selectFrom('flash_session')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound({ en: 'flash sale', zh: '秒杀场次' }, id)
  return row
}

export async function createSession(
  db: Db,
  actor: Actor,
  body: FlashSessionBody,
): Promise<FlashSessionRow> {
  await validateSession(db, body)
  const now = nowIso()
  const id = newId()
  await db
    .insertInto('flash_session')
    .values({
      id,
      title: body.title,
      starts_at: new Date(body.startsAt).toISOString(),
      ends_at: new Date(body.endsAt).toISOString(),
      payment_window_s: body.paymentWindowS ?? 300,
      per_user_limit: body.perUserLimit ?? 1,
      status: 'draft',
      stock_in_redis: 0,
      reconciled_at: null,
      created_by: actor.principal?.userId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await insertSkus(db, id, body)
  await createShareLink(db, { kind: 'flash_sale', id }, actor.principal?.userId ?? null)
  await recordAudit(db, actor, {
    action: 'flash_session.created',
    entityType: 'flash_session',
    entityId: id,
    organizationId: null,
    after: { title: body.title, startsAt: body.startsAt, endsAt: body.endsAt, skus: body.skus },
  })
  return sessionRow(db, id)
}

/** Only a draft can be edited: once scheduled, buyers may already be counting down to it. */
export async function updateSession(
  db: Db,
  actor: Actor,
  id: string,
  body: FlashSessionBody,
): Promise<FlashSessionRow> {
  const session = await sessionRow(db, id)
  if (session.status !== 'draft')
    throw conflict(
      { en: 'only a draft flash sale can be edited', zh: '只能修改草稿状态的秒杀场次' },
      'status',
    )
  await validateSession(db, body)
  await db
    .updateTable('flash_session')
    .set({
      title: body.title,
      starts_at: new Date(body.startsAt).toISOString(),
      ends_at: new Date(body.endsAt).toISOString(),
      payment_window_s: body.paymentWindowS ?? 300,
      per_user_limit: body.perUserLimit ?? 1,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute()
  await db.deleteFrom('flash_sku').where('session_id', '=', id).execute()
  await insertSkus(db, id, body)
  await recordAudit(db, actor, {
    action: 'flash_session.updated',
    entityType: 'flash_session',
    entityId: id,
    organizationId: null,
    after: { title: body.title, startsAt: body.startsAt, endsAt: body.endsAt, skus: body.skus },
  })
  return sessionRow(db, id)
}

async function insertSkus(db: Db, sessionId: string, body: FlashSessionBody): Promise<void> {
  await db
    .insertInto('flash_sku')
    .values(
      body.skus.map((sku) => ({
        session_id: sessionId,
        sku_id: sku.skuId,
        sale_price_fen: sku.salePriceFen,
        stock_total: sku.stock,
        stock_left: sku.stock,
        updated_at: nowIso(),
      })),
    )
    .execute()
}

/** Window end after start; each SKU on sale, sold below its normal price, stock the warehouse has. */
async function validateSession(db: Db, body: FlashSessionBody): Promise<void> {
  if (Date.parse(body.endsAt) <= Date.parse(body.startsAt))
    throw invalidField('endsAt', { en: 'must be after the start', zh: '结束时间必须晚于开始时间' })
  const skuIds = body.skus.map((sku) => sku.skuId)
  const forSale = await skusForSale(db, skuIds)
  const seen = new Set<string>()
  body.skus.forEach((sku, i) => {
    const row = forSale.get(sku.skuId)
    if (seen.has(sku.skuId))
      throw invalidField(`skus/${i}/skuId`, { en: 'listed twice', zh: '商品重复' })
    seen.add(sku.skuId)
    if (!row?.onSale)
      throw invalidField(`skus/${i}/skuId`, {
        en: 'this item is not on sale',
        zh: '该商品已下架或不存在',
      })
    if (sku.salePriceFen >= row.priceFen)
      throw invalidField(`skus/${i}/salePriceFen`, {
        en: `must be below the normal price ${row.priceFen} fen`,
        zh: `秒杀价必须低于原价（${fenToYuan(row.priceFen)} 元）`,
      })
    const available = row.warehouseAvailable
    if (sku.stock > available)
      throw invalidField(`skus/${i}/stock`, {
        en: `the county warehouse has only ${available}`,
        zh: `县级仓库仅有 ${available} 件`,
      })
  })
}

/** draft → scheduled; with Redis the stock is loaded now, before the first buyer arrives. */
export async function scheduleSession(
  db: Db,
  actor: Actor,
  context: FlashSaleContext,
  id: string,
): Promise<FlashSessionRow> {
  const session = await sessionRow(db, id)
  if (session.status !== 'draft')
    throw conflict(
      { en: `the flash sale is ${session.status}, not a draft`, zh: '只能排期草稿状态的秒杀场次' },
      'status',
    )
  if (Date.parse(session.ends_at) <= Date.now())
    throw invalidField('endsAt', { en: 'the window is over', zh: '活动时间已过' })
  const scheduled = await transitionSession(db, actor, session, 'scheduled', {
    stock_in_redis: context.redisStock ? 1 : 0,
  })
  await context.redisStock?.load(db, scheduled)
  return scheduled
}

/** scheduled ⇄ paused: a paused session admits nobody; holds already given stay valid. */
export async function pauseSession(
  db: Db,
  actor: Actor,
  context: FlashSaleContext,
  id: string,
  to: Extract<FlashSessionStatus, 'paused' | 'scheduled'>,
): Promise<FlashSessionRow> {
  const session = await sessionRow(db, id)
  if (to === 'scheduled' && session.status !== 'paused')
    throw conflict({ en: 'the flash sale is not paused', zh: '秒杀场次未暂停' }, 'status')
  const moved = await transitionSession(db, actor, session, to)
  if (moved.stock_in_redis === 1) await context.redisStock?.load(db, moved)
  return moved
}

/**
 * Ends a session: no more admissions. Stock counted in Redis comes back into the database,
 * counted from the holds (the truth); what Redis said is kept in the audit entry beside it.
 */
export async function endSession(
  db: Db,
  actor: Actor,
  context: FlashSaleContext,
  session: FlashSessionRow,
  now = nowIso(),
): Promise<FlashSessionRow> {
  const ended = await transitionSession(db, actor, session, 'ended', {
    stock_in_redis: 0,
    reconciled_at: now,
  })
  // Unloaded first, so no admission lands after the stream is drained; then every admission
  // still on the stream is written, and the counts come from the holds.
  const redisStock = session.stock_in_redis === 1 ? context.redisStock : undefined
  const fromRedis = await redisStock?.unload(session.id)
  await redisStock?.persistStream(db, session.id)
  const counts = await countFromHolds(db, session.id)
  for (const [skuId, left] of counts.stockLeft) {
    await db
      .updateTable('flash_sku')
      .set({ stock_left: left, updated_at: now })
      .where('session_id', '=', session.id)
      .where('sku_id', '=', skuId)
      .execute()
  }
  await recordAudit(db, actor, {
    action: 'flash_session.reconciled',
    entityType: 'flash_session',
    entityId: session.id,
    organizationId: null,
    after: {
      stockLeft: Object.fromEntries(counts.stockLeft),
      ...(fromRedis ? { redisStockLeft: Object.fromEntries(fromRedis) } : {}),
    },
  })
  return ended
}
