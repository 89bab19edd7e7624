import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, Nullable, withTransaction } from '../../../platform/http/index.js'
import type { PeriodicJob } from '../../../platform/jobs/index.js'
import { AppError, notFound } from '../../../shared/errors.js'
import { PayAction, PaymentInfo, payActionFor } from '../../commerce/orders/index.js'
import type { PaymentProvider } from '../../commerce/payment/index.js'
import { campaignProgress } from './campaign-progress.js'
import {
  campaignReport,
  closeCampaignNow,
  createCampaign,
  listCampaigns,
  setCampaignStatus,
} from './campaigns.js'
import { updateCampaign } from './edit-campaign.js'
import { joinCampaign } from './join-campaign.js'
import { bulkBuyListingRoutes } from './shop-listing-routes.js'
import { startBargainBulkWorker } from './worker.js'
import {
  Campaign,
  CAMPAIGN_STATUSES,
  CampaignProgress,
  CampaignReport,
  CampaignStatusBody,
  CreateCampaignBody,
  JoinBody,
} from './schema.js'
import './bulk-hooks.js'
import { ShareQuery } from '../share-schema.js'

// 团购 over HTTP: operators manage campaigns (promotions:manage); consumers join and follow
// the live progress.

export interface BulkBuyRoutesOptions {
  db: Db
  payments: PaymentProvider
  /** Where the provider posts payment callbacks (the same URL checkout gives it). */
  notifyUrl: string
  /** Run the 砍价 and 团购 rounds (expiring bargains, settling campaigns) while the app runs. */
  worker?: boolean
}

const tags = ['promotions']
const manage = { permission: 'promotions:manage' } as const
// Lists and reports: also for the bureau, which supervises the promotions without running them.
const read = { permission: 'promotions:read' } as const

const Joined = Type.Object({
  bulkOrderId: Type.String(),
  orderId: Type.String(),
  unitPriceFen: Type.Integer(),
  payment: PaymentInfo,
  action: Nullable(PayAction),
})

export const bulkBuyRoutes: FastifyPluginAsyncTypebox<BulkBuyRoutesOptions> = async (
  app,
  { db, payments, notifyUrl, worker },
) => {
  if (worker) {
    let job: PeriodicJob | undefined
    app.addHook('onReady', async () => {
      job = startBargainBulkWorker(db, app.log)
    })
    app.addHook('onClose', async () => {
      await job?.stop()
    })
  }
  await app.register(bulkBuyListingRoutes, { db })
  app.post(
    '/bulk-buys',
    {
      schema: {
        tags,
        summary: 'Create a tiered bulk-purchase (团购) campaign, open at once unless open: false',
        body: CreateCampaignBody,
        response: { 201: Campaign },
      },
      config: { access: manage },
    },
    async (request, reply) => {
      const created = await withTransaction(db, request, (trx, actor) =>
        createCampaign(trx, actor, request.body),
      )
      return reply.status(201).send(created)
    },
  )

  app.put(
    '/bulk-buys/:id',
    {
      schema: {
        tags,
        summary:
          'Replace the terms of a draft campaign, or an open one not yet started (open is ignored)',
        params: IdParams,
        body: CreateCampaignBody,
        response: { 200: Campaign },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        updateCampaign(trx, actor, request.params.id, request.body),
      ),
  )

  app.get(
    '/bulk-buys',
    {
      schema: {
        tags,
        summary: 'Campaigns, newest first',
        querystring: Type.Object({ status: Type.Optional(Type.Enum(CAMPAIGN_STATUSES)) }),
        response: { 200: Type.Array(Campaign) },
      },
      config: { access: read },
    },
    (request) => listCampaigns(db, request.query.status),
  )

  app.post(
    '/bulk-buys/:id/status',
    {
      schema: {
        tags,
        summary: 'Open a draft, pause or resume a campaign (paused: no new orders)',
        params: IdParams,
        body: CampaignStatusBody,
        response: { 200: Campaign },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        setCampaignStatus(trx, actor, request.params.id, request.body.status),
      ),
  )

  app.post(
    '/bulk-buys/:id/close',
    {
      schema: {
        tags,
        summary:
          'End a running campaign now (提前结束): no more orders; the next round settles it from what was paid',
        params: IdParams,
        response: { 200: Campaign },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) => closeCampaignNow(trx, actor, request.params.id)),
  )

  app.get(
    '/bulk-buys/:id/report',
    {
      schema: {
        tags,
        summary: 'Paid quantity, final price, orders by status, paid and refunded amounts',
        params: IdParams,
        response: { 200: CampaignReport },
      },
      config: { access: read },
    },
    (request) => campaignReport(db, request.params.id),
  )

  app.get(
    '/shop/bulk-buys/:id',
    {
      schema: {
        tags,
        summary: 'Live progress: "已团 312 件，再 188 件降到 ¥38.00", exact',
        params: IdParams,
        response: { 200: CampaignProgress },
      },
      config: { access: { public: true } },
    },
    async (request) => {
      const progress = await campaignProgress(
        db,
        request.params.id,
        request.principal?.userId ?? null,
      )
      if (progress.status === 'draft')
        throw notFound({ en: 'bulk-buy campaign', zh: '团购活动' }, request.params.id)
      return progress
    },
  )

  app.post(
    '/shop/bulk-buys/:id/orders',
    {
      schema: {
        tags,
        summary:
          "Join: places the order at the current tier's price; the difference comes back at the close",
        params: IdParams,
        querystring: ShareQuery,
        body: JoinBody,
        response: { 201: Joined },
      },
      config: { access: { authenticated: true } },
    },
    async (request, reply) => {
      const userId = request.principal?.userId
      if (!userId) throw new AppError('unauthenticated', { en: 'Sign in first', zh: '请先登录' })
      const joined = await withTransaction(db, request, (trx, actor) =>
        joinCampaign(
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
        joined.paymentId,
        '村通商城团购订单',
      )
      return reply.status(201).send({
        bulkOrderId: joined.bulkOrderId,
        orderId: joined.orderId,
        unitPriceFen: joined.unitPriceFen,
        payment,
        action,
      })
    },
  )
}
