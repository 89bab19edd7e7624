import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { actorOf, withTransaction } from '../../../platform/http/index.js'
import { CounterSaleBody, Order, toOrders } from '../orders/index.js'
import { storeLocalShares } from './local-share.js'
import { StoreLocalShare, StoreLocalShareQuery } from './pos-schema.js'
import { recordCounterSale } from './pos.js'

// SVC-1 / KPI-5: counter sales at the O2O stores, and each store's local share.

const tags = ['commerce: orders']

export const posRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/pos/sales',
    {
      schema: {
        tags,
        summary: "A sale at an O2O store's counter, paid on the spot (completed at once)",
        body: CounterSaleBody,
        response: { 201: Type.Array(Order) },
      },
      config: { access: { permission: 'pos:sell' } },
    },
    async (request, reply) => {
      const ids = await withTransaction(db, request, (trx, actor) =>
        recordCounterSale(trx, actor, request.body),
      )
      const rows = await db.selectFrom('shop_order').selectAll().where('id', 'in', ids).execute()
      return reply.status(201).send(await toOrders(db, rows, { showPickupCode: false }))
    },
  )
  app.get(
    '/reports/store-local-share',
    {
      schema: {
        tags,
        summary: 'KPI-5: the share of local products in each O2O store’s sales (target ≥ 80 %)',
        querystring: StoreLocalShareQuery,
        response: { 200: Type.Array(StoreLocalShare) },
      },
      config: { access: { permission: 'orders:read' } },
    },
    (request) => storeLocalShares(db, actorOf(request), request.query),
  )
}
