import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Redis } from 'ioredis'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import type { PeriodicJob } from '../../../platform/jobs/index.js'
import { IdParams, withTransaction } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError } from '../../../shared/errors.js'
import type { PaymentProvider } from '../../commerce/payment/index.js'
import { checkoutHold, registerFlashSaleHooks } from './hold-checkout.js'
import { admitBuyer, myHold, refusal, toFlashHold } from './holds.js'
import { RedisFlashStock } from './redis-stock.js'
import { ShareQuery } from '../share-schema.js'
import {
  AdmissionBody,
  FlashHold,
  FlashReport,
  FlashSession,
  FlashSessionBody,
  FlashSessionList,
  FlashSessionStatus,
  HoldCheckoutBody,
} from './schema.js'
import { listSessions, reportSession, toFlashSession } from './session-views.js'
import {
  createSession,
  endSession,
  pauseSession,
  scheduleSession,
  sessionRow,
  updateSession,
  type FlashSaleContext,
} from './sessions.js'
import { startFlashSaleWorker } from './worker.js'
import {
  buyerIdOf,
  CheckoutResult,
  ordersOf,
  payActionFor,
  toOrders,
} from '../../commerce/orders/index.js'

export interface FlashSaleRoutesOptions {
  db: Db
  /** With Redis, admissions run as one Lua script; without, as a conditional database update. */
  redis?: Redis | undefined
  /** Namespaces the Redis keys (tests and benchmarks). */
  redisKeyPrefix?: string
  payments: PaymentProvider
  notifyUrl: string
  /** Run the flash sale worker (hold expiry, session end) while the app runs. */
  worker?: boolean
}

const tags = ['promotions']
const manage = { permission: 'promotions:manage' } as const
// Lists and reports: also for the bureau, which supervises the promotions without running them.
const read = { permission: 'promotions:read' } as const
/** A sold-out SKU is answered from memory for this long, so a crowd does not reach the stores. */
const SOLD_OUT_SHED_MS = 1000

export const flashSaleRoutes: FastifyPluginAsyncTypebox<FlashSaleRoutesOptions> = async (
  app,
  { db, redis, redisKeyPrefix, payments, notifyUrl, worker },
) => {
  const context: FlashSaleContext = {
    redisStock: redis ? new RedisFlashStock(redis, redisKeyPrefix) : undefined,
  }
  registerFlashSaleHooks(context)
  if (worker) {
    let job: PeriodicJob | undefined
    app.addHook('onReady', async () => {
      job = startFlashSaleWorker(db, context, app.log)
    })
    app.addHook('onClose', async () => {
      await job?.stop()
    })
  }
  const soldOutUntil = new Map<string, number>()

  app.get(
    '/shop/flash-sales',
    {
      schema: {
        tags,
        summary: 'Flash sales now and coming, with the server time to count down from',
        response: { 200: FlashSessionList },
      },
      config: { access: { public: true } },
    },
    async () => {
      const serverTime = nowIso()
      const sessions = await listSessions(db, context, {
        statuses: ['scheduled', 'paused'],
        endsAfter: serverTime,
        limit: 20,
      })
      return { serverTime, sessions }
    },
  )

  app.post(
    '/shop/flash-sales/:sessionId/admissions',
    {
      schema: {
        tags,
        summary: 'Grab a flash sale unit: a hold to check out within the payment window',
        params: Type.Object({ sessionId: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: ShareQuery,
        body: AdmissionBody,
        response: { 201: FlashHold },
      },
      config: { access: { authenticated: true } },
    },
    async (request, reply) => {
      const userId = buyerIdOf(request)
      const key = `${request.params.sessionId}:${request.body.skuId}`
      if ((soldOutUntil.get(key) ?? 0) > Date.now()) throw refusal('sold_out')
      try {
        const hold = await admitBuyer(
          db,
          context,
          { ...request.body, ...request.params, userId, shareCode: request.query.share },
          (work) => withTransaction(db, request, work),
        )
        return await reply.status(201).send(hold)
      } catch (error) {
        if (isSoldOut(error)) soldOutUntil.set(key, Date.now() + SOLD_OUT_SHED_MS)
        throw error
      }
    },
  )

  app.get(
    '/shop/flash-sale-holds/:id',
    {
      schema: { tags, params: IdParams, response: { 200: FlashHold } },
      config: { access: { authenticated: true } },
    },
    async (request) => {
      const hold = await myHold(db, buyerIdOf(request), request.params.id)
      const sku = await db
        .selectFrom('flash_sku')
        .select('sale_price_fen')
        .where('session_id', '=', hold.session_id)
        .where('sku_id', '=', hold.sku_id)
        .executeTakeFirstOrThrow()
      return toFlashHold(hold, sku.sale_price_fen, nowIso())
    },
  )

  app.post(
    '/shop/flash-sale-holds/:id/checkout',
    {
      schema: {
        tags,
        summary: 'Order the held unit at the sale price; calling again answers the same order',
        params: IdParams,
        querystring: ShareQuery,
        body: HoldCheckoutBody,
        response: { 200: CheckoutResult, 201: CheckoutResult },
      },
      config: { access: { authenticated: true } },
    },
    async (request, reply) => {
      const userId = buyerIdOf(request)
      const { paymentId, created } = await withTransaction(db, request, (trx, actor) =>
        checkoutHold(
          trx,
          actor,
          userId,
          payments.name,
          request.params.id,
          request.body,
          request.query.share,
        ),
      )
      const { payment, action } = await payActionFor(
        db,
        payments,
        notifyUrl,
        request,
        paymentId,
        '村通秒杀订单',
      )
      const orders = await toOrders(db, await ordersOf(db, paymentId), { showPickupCode: true })
      return reply.status(created ? 201 : 200).send({ payment, orders, action })
    },
  )

  app.get(
    '/flash-sales',
    {
      schema: {
        tags,
        querystring: Type.Object({ status: Type.Optional(FlashSessionStatus) }),
        response: { 200: Type.Array(FlashSession) },
      },
      config: { access: read },
    },
    (request) =>
      listSessions(db, context, {
        ...(request.query.status ? { statuses: [request.query.status] } : {}),
        limit: 200,
      }),
  )

  app.post(
    '/flash-sales',
    {
      schema: {
        tags,
        summary: 'Create a flash sale (a draft) with its SKUs, sale prices and stock',
        body: FlashSessionBody,
        response: { 201: FlashSession },
      },
      config: { access: manage },
    },
    async (request, reply) => {
      const session = await withTransaction(db, request, (trx, actor) =>
        createSession(trx, actor, request.body),
      )
      return reply.status(201).send(await toFlashSession(db, context, session))
    },
  )

  app.get(
    '/flash-sales/:id',
    {
      schema: { tags, params: IdParams, response: { 200: FlashSession } },
      config: { access: read },
    },
    async (request) => toFlashSession(db, context, await sessionRow(db, request.params.id)),
  )

  app.put(
    '/flash-sales/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft flash sale',
        params: IdParams,
        body: FlashSessionBody,
        response: { 200: FlashSession },
      },
      config: { access: manage },
    },
    async (request) => {
      const session = await withTransaction(db, request, (trx, actor) =>
        updateSession(trx, actor, request.params.id, request.body),
      )
      return toFlashSession(db, context, session)
    },
  )

  const moves = {
    schedule: (trx: Db, actor: Parameters<typeof scheduleSession>[1], id: string) =>
      scheduleSession(trx, actor, context, id),
    pause: (trx: Db, actor: Parameters<typeof scheduleSession>[1], id: string) =>
      pauseSession(trx, actor, context, id, 'paused'),
    resume: (trx: Db, actor: Parameters<typeof scheduleSession>[1], id: string) =>
      pauseSession(trx, actor, context, id, 'scheduled'),
    end: async (trx: Db, actor: Parameters<typeof scheduleSession>[1], id: string) =>
      endSession(trx, actor, context, await sessionRow(trx, id)),
  }
  for (const [name, move] of Object.entries(moves)) {
    app.post(
      `/flash-sales/:id/${name}`,
      {
        schema: { tags, params: IdParams, response: { 200: FlashSession } },
        config: { access: manage },
      },
      async (request) => {
        const session = await withTransaction(db, request, (trx, actor) =>
          move(trx, actor, request.params.id),
        )
        return toFlashSession(db, context, session)
      },
    )
  }

  app.get(
    '/flash-sales/:id/report',
    {
      schema: {
        tags,
        summary: 'Units admitted, held, ordered, paid, released and refunded per SKU',
        params: IdParams,
        response: { 200: FlashReport },
      },
      config: { access: read },
    },
    (request) => reportSession(db, context, request.params.id),
  )
}

const isSoldOut = (error: unknown) =>
  error instanceof AppError && error.code === 'conflict' && error.detail.en === 'sold out'
