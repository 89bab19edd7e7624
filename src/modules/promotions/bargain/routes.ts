import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, Nullable, withTransaction } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError } from '../../../shared/errors.js'
import { PayAction, PaymentInfo, payActionFor } from '../../commerce/orders/index.js'
import type { PaymentProvider } from '../../commerce/payment/index.js'
import { activityReport, createActivity, listActivities, setActivityStatus } from './activities.js'
import { buyBargain } from './bargain-orders.js'
import { updateActivity } from './edit-activity.js'
import { bargainProgress } from './bargain-progress.js'
import { helpBargain, launchBargain } from './bargains.js'
import { bargainListingRoutes } from './shop-listing-routes.js'
import { ShareQuery } from '../share-schema.js'
import {
  ACTIVITY_STATUSES,
  BargainActivity,
  BargainActivityReport,
  BargainActivityStatusBody,
  BargainProgress,
  BuyBody,
  CreateBargainActivityBody,
  HelpResult,
} from './schema.js'

// 砍价 over HTTP: operators manage activities (promotions:manage); consumers launch bargains,
// help friends' bargains, follow progress and buy at the current price.

export interface BargainRoutesOptions {
  db: Db
  payments: PaymentProvider
  /** Where the provider posts payment callbacks (the same URL checkout gives it). */
  notifyUrl: string
}

const tags = ['promotions']
const manage = { permission: 'promotions:manage' } as const
// Lists and reports: also for the bureau, which supervises the promotions without running them.
const read = { permission: 'promotions:read' } as const
const signedIn = { authenticated: true } as const

const BargainOrdered = Type.Object({
  bargainId: Type.String(),
  orderId: Type.String(),
  payment: PaymentInfo,
  action: Nullable(PayAction),
})

const userOf = (request: FastifyRequest): string => {
  const userId = request.principal?.userId
  if (!userId) throw new AppError('unauthenticated', { en: 'Sign in first', zh: '请先登录' })
  return userId
}

export const bargainRoutes: FastifyPluginAsyncTypebox<BargainRoutesOptions> = async (
  app,
  { db, payments, notifyUrl },
) => {
  await app.register(bargainListingRoutes, { db })
  app.post(
    '/bargains',
    {
      schema: {
        tags,
        summary: 'Create a bargain (砍价) activity; it runs from startsAt to endsAt',
        body: CreateBargainActivityBody,
        response: { 201: BargainActivity },
      },
      config: { access: manage },
    },
    async (request, reply) => {
      const created = await withTransaction(db, request, (trx, actor) =>
        createActivity(trx, actor, request.body),
      )
      return reply.status(201).send(created)
    },
  )

  app.put(
    '/bargains/:id',
    {
      schema: {
        tags,
        summary: 'Replace the terms of a bargain activity that has not started yet (nor ended)',
        params: IdParams,
        body: CreateBargainActivityBody,
        response: { 200: BargainActivity },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        updateActivity(trx, actor, request.params.id, request.body),
      ),
  )

  app.get(
    '/bargains',
    {
      schema: {
        tags,
        summary: 'Bargain activities, newest first',
        querystring: Type.Object({ status: Type.Optional(Type.Enum(ACTIVITY_STATUSES)) }),
        response: { 200: Type.Array(BargainActivity) },
      },
      config: { access: read },
    },
    (request) => listActivities(db, request.query.status),
  )

  app.post(
    '/bargains/:id/status',
    {
      schema: {
        tags,
        summary: 'Pause, resume or end a bargain activity (paused: no launches, no helps)',
        params: IdParams,
        body: BargainActivityStatusBody,
        response: { 200: BargainActivity },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        setActivityStatus(trx, actor, request.params.id, request.body.status),
      ),
  )

  app.get(
    '/bargains/:id/report',
    {
      schema: {
        tags,
        summary: 'Bargains by status, helps and helpers, paid orders and stock',
        params: IdParams,
        response: { 200: BargainActivityReport },
      },
      config: { access: read },
    },
    (request) => activityReport(db, request.params.id),
  )

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
      const userId = userOf(request)
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
      const userId = userOf(request)
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
      const userId = userOf(request)
      const ordered = await withTransaction(db, request, (trx, actor) =>
        buyBargain(
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
        ordered.paymentId,
        '村通商城砍价订单',
      )
      return reply
        .status(201)
        .send({ bargainId: request.params.id, orderId: ordered.orderId, payment, action })
    },
  )
}
