import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, withTransaction } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import {
  payActionFor,
  type PromotionHookRegistry,
  type PaymentProvider,
  buyerIdOf,
} from '../../commerce/index.js'
import { ShareQuery } from '../shared/index.js'
import { buyBargain } from './bargain-orders.js'
import { bargainProgress } from './bargain-progress.js'
import { helpBargain, launchBargain } from './bargains.js'
import { BargainOrdered, BargainProgress, BuyBody, HelpResult } from './schema.js'

// 砍价 in the H5 shop: consumers launch bargains, help friends' bargains, follow progress and
// buy at the current price.

export interface BargainShopRoutesOptions {
  db: Db
  payments: PaymentProvider
  /** Where the provider posts payment callbacks (the same URL checkout gives it). */
  notifyUrl: string
  /** Every promotion's order hooks: a bargain bought for nothing is paid at once. */
  promotionHooks: PromotionHookRegistry
}

const tags = ['promotions']
const signedIn = { authenticated: true } as const

export const bargainShopRoutes: FastifyPluginAsyncTypebox<BargainShopRoutesOptions> = async (
  app,
  { db, payments, notifyUrl, promotionHooks },
) => {
  app.post(
    '/shop/bargain-activities/:id/bargains',
    {
      schema: {
        tags,
        summary: 'Launch a bargain: the cuts are planned now from a recorded seed',
        params: IdParams,
        querystring: ShareQuery,
        response: { 201: BargainProgress },
      },
      config: { access: signedIn },
    },
    async (request, reply) => {
      const userId = buyerIdOf(request)
      const now = nowIso()
      const bargain = await withTransaction(db, request, (trx, actor) =>
        launchBargain(trx, actor, userId, request.params.id, request.query.share ?? null, now),
      )
      return reply.status(201).send(await bargainProgress(db, bargain.id, userId, now))
    },
  )

  app.post(
    '/shop/bargains/:id/help',
    {
      schema: {
        tags,
        summary: "Help a friend's bargain: takes the next planned cut (once per friend)",
        params: IdParams,
        response: { 200: HelpResult },
      },
      config: { access: signedIn },
    },
    async (request) => {
      const userId = buyerIdOf(request)
      const now = nowIso()
      const help = await withTransaction(db, request, (trx, actor) =>
        helpBargain(trx, actor, userId, request.params.id, now),
      )
      return { ...help, progress: await bargainProgress(db, request.params.id, userId, now) }
    },
  )

  app.get(
    '/shop/bargains/:id',
    {
      schema: {
        tags,
        summary: 'Progress: remaining yuan and helpers (exact), masked helpers, expiry',
        params: IdParams,
        response: { 200: BargainProgress },
      },
      config: { access: { public: true } },
    },
    (request) => bargainProgress(db, request.params.id, request.principal?.userId ?? null),
  )

  app.post(
    '/shop/bargains/:id/buy',
    {
      schema: {
        tags,
        summary: 'Buy at the current price (the floor, or earlier when the activity allows)',
        params: IdParams,
        querystring: ShareQuery,
        body: BuyBody,
        response: { 201: BargainOrdered },
      },
      config: { access: signedIn },
    },
    async (request, reply) => {
      const userId = buyerIdOf(request)
      const ordered = await withTransaction(db, request, (trx, actor) =>
        buyBargain(
          trx,
          promotionHooks,
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
        ordered.paymentId,
        '村通商城砍价订单',
      )
      return reply
        .status(201)
        .send({ bargainId: request.params.id, orderId: ordered.orderId, payment, action })
    },
  )
}
