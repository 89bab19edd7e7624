import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { actorOf, withTransaction } from '../../../platform/http/index.js'
import { bookInStock, listStock } from './stock-admin.js'
import { StockLevel, StockReceiveBody } from './stock-schema.js'

// Stock levels per location, and goods booked in (merchants, stores, the warehouse).

const tags = ['commerce: orders']

export const stockRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/stock',
    {
      schema: {
        tags,
        summary: 'Stock per SKU and location: available, reserved, sold, received',
        querystring: Type.Object({
          skuId: Type.Optional(Type.String()),
          locationId: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Array(StockLevel) },
      },
      config: { access: { permission: 'stock:write' } },
    },
    (request) => listStock(db, actorOf(request), request.query),
  )
  app.post(
    '/stock/receipts',
    {
      schema: {
        tags,
        summary: 'Book goods in at a location',
        body: StockReceiveBody,
        response: { 200: Type.Array(StockLevel) },
      },
      config: { access: { permission: 'stock:write' } },
    },
    async (request) => {
      await withTransaction(db, request, (trx, actor) => bookInStock(trx, actor, request.body))
      return listStock(db, actorOf(request), {
        skuId: request.body.skuId,
        locationId: request.body.locationId,
      })
    },
  )
}
