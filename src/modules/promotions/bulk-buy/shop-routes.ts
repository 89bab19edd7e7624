import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, withTransaction } from '../../../platform/http/index.js'
import { notFound } from '../../../shared/errors.js'
import { buyerIdOf, payActionFor, type PaymentProvider } from '../../commerce/index.js'
import { ShareQuery } from '../shared/index.js'
import { campaignProgress } from './campaign-progress.js'
import { joinCampaign } from './join-campaign.js'
import { BulkBuyJoined, CampaignProgress, JoinBody } from './schema.js'

// 团购 in the H5 shop: consumers follow a campaign's live progress and join it.

export interface BulkBuyShopRoutesOptions {
  db: Db
  payments: PaymentProvider
  /** Where the provider posts payment callbacks (the same URL checkout gives it). */
  notifyUrl: string
}

const tags = ['promotions']

export const bulkBuyShopRoutes: FastifyPluginAsyncTypebox<BulkBuyShopRoutesOptions> = async (
  app,
  { db, payments, notifyUrl },
) => {
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
        response: { 201: BulkBuyJoined },
      },
      config: { access: { authenticated: true } },
    },
    async (request, reply) => {
      const userId = buyerIdOf(request)
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
