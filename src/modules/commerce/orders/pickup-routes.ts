import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.js'
import { actorOf, withTransaction } from '../../../platform/http/index.js'
import { Order, PickupVerifyBody } from './order-schema.js'
import { getShopOrder, handOverAtPickup } from './shop-orders.js'

// Stores and stations hand orders over against the buyer's pickup code.

const tags = ['commerce: orders']

export const pickupRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/pickups/hand-over',
    {
      schema: {
        tags,
        summary: "A store or station clerk hands an order over against the buyer's pickup code",
        body: PickupVerifyBody,
        response: { 200: Order },
      },
      config: { access: { permission: 'pickups:verify' } },
    },
    async (request) => {
      const id = await withTransaction(db, request, (trx, actor) =>
        handOverAtPickup(trx, actor, request.body),
      )
      return getShopOrder(
        db,
        { ...actorOf(request), scope: { county: true, organizationIds: new Set() } },
        id,
      )
    },
  )
}
