import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, withTransaction } from '../../../platform/http/index.js'
import { buyerIdOf, type PromotionHookRegistry } from '../orders/index.js'
import { escalateAsBuyer, requestAfterSale, shipReturn } from './after-sales.js'
import {
  AfterSale,
  AfterSaleBody,
  Complaint,
  ComplaintBody,
  ReturnShipmentBody,
} from './after-sales-schema.js'
import { toAfterSale, toComplaint } from './after-sales-views.js'
import { fileComplaint } from './complaints.js'

// GOV-2: the buyer's side of after-sales requests and complaints, under /shop.

const tags = ['commerce: after-sales']
const signedIn = { authenticated: true } as const

export const shopAfterSalesRoutes: FastifyPluginAsyncTypebox<{
  db: Db
  promotionHooks: PromotionHookRegistry
}> = async (app, { db, promotionHooks }) => {
  app.post(
    '/shop/orders/:id/after-sales',
    {
      schema: {
        tags,
        summary: 'Ask for a refund (all or part), with or without returning the goods',
        params: IdParams,
        body: AfterSaleBody,
        response: { 201: AfterSale },
      },
      config: { access: signedIn },
    },
    async (request, reply) => {
      const userId = buyerIdOf(request)
      const row = await withTransaction(db, request, (trx, actor) =>
        requestAfterSale(trx, promotionHooks, actor, userId, request.params.id, request.body),
      )
      return reply.status(201).send(toAfterSale(row))
    },
  )

  app.get(
    '/shop/after-sales',
    { schema: { tags, response: { 200: Type.Array(AfterSale) } }, config: { access: signedIn } },
    async (request) =>
      (
        await db
          .selectFrom('after_sale')
          .selectAll()
          .where('user_id', '=', buyerIdOf(request))
          .orderBy('created_at', 'desc')
          .limit(100)
          .execute()
      ).map(toAfterSale),
  )

  app.post(
    '/shop/after-sales/:id/escalate',
    {
      schema: {
        tags,
        summary: 'Take a refused request to the operating company (平台介入)',
        params: IdParams,
        response: { 200: AfterSale },
      },
      config: { access: signedIn },
    },
    async (request) => {
      const userId = buyerIdOf(request)
      return toAfterSale(
        await withTransaction(db, request, (trx, actor) =>
          escalateAsBuyer(trx, actor, userId, request.params.id),
        ),
      )
    },
  )

  app.post(
    '/shop/after-sales/:id/return',
    {
      schema: {
        tags,
        summary: '退货退款: how the goods were sent back (the merchant then confirms them)',
        params: IdParams,
        body: ReturnShipmentBody,
        response: { 200: AfterSale },
      },
      config: { access: signedIn },
    },
    async (request) => {
      const userId = buyerIdOf(request)
      return toAfterSale(
        await withTransaction(db, request, (trx, actor) =>
          shipReturn(trx, actor, userId, request.params.id, request.body),
        ),
      )
    },
  )

  app.post(
    '/shop/complaints',
    {
      schema: {
        tags,
        summary: 'Complain, or report counterfeit goods or fraud, about an order or a shop',
        body: ComplaintBody,
        response: { 201: Complaint },
      },
      config: { access: signedIn },
    },
    async (request, reply) => {
      const userId = buyerIdOf(request)
      const row = await withTransaction(db, request, (trx, actor) =>
        fileComplaint(trx, actor, userId, request.body),
      )
      return reply.status(201).send(toComplaint(row))
    },
  )
}
