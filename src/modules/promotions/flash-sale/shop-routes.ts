import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { actorOf, IdParams, sendProblem, withTransaction } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError } from '../../../shared/errors.js'
import {
  buyerIdOf,
  CheckoutResult,
  ordersOf,
  payActionFor,
  toOrders,
  type PaymentProvider,
} from '../../commerce/index.js'
import { ShareQuery } from '../shared/index.js'
import { checkoutHold } from './hold-checkout.js'
import { persistIfPending } from './hold-persister.js'
import { admitBuyer, myHoldView, refusal } from './holds.js'
import { AdmissionBody, FlashHold, FlashSessionList, HoldCheckoutBody } from './schema.js'
import { listSessions } from './session-views.js'
import type { FlashSaleContext } from './sessions.js'

// The flash sale in the H5 shop: the sessions, grabbing a unit (a hold) and checking it out.

export interface FlashSaleShopRoutesOptions {
  db: Db
  context: FlashSaleContext
  payments: PaymentProvider
  notifyUrl: string
}

const tags = ['promotions']
/** A sold-out SKU is answered from memory for this long, so a crowd does not reach the stores. */
const SOLD_OUT_SHED_MS = 1000

export const flashSaleShopRoutes: FastifyPluginAsyncTypebox<FlashSaleShopRoutesOptions> = async (
  app,
  { db, context, payments, notifyUrl },
) => {
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
      // Answered here rather than thrown: the crowd's refusals skip the error handler's path.
      if ((soldOutUntil.get(key) ?? 0) > Date.now())
        return sendProblem(reply, refusal('sold_out'), request.id)
      try {
        const hold = await admitBuyer(
          db,
          actorOf(request),
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
    async (request) => myHoldView(db, context, buyerIdOf(request), request.params.id),
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
      await persistIfPending(db, context.redisStock, userId, request.params.id)
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
}

const isSoldOut = (error: unknown) =>
  error instanceof AppError && error.code === 'conflict' && error.detail.en === 'sold out'
