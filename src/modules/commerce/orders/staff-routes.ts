import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { sendWorkbook } from '../../../platform/export/index.js'
import { actorOf, IdParams, Page } from '../../../platform/http/index.js'
import { shanghaiDate } from '../../../shared/clock.js'
import { Order, OrderListQuery, PickupPoint } from './order-schema.js'
import { toPickupPoint } from './order-views.js'
import { ordersSheet } from './orders-sheet.js'
import { exportShopOrders, getShopOrder, listShopOrders } from './shop-orders.js'

// Merchants', stores' and operators' side of orders, and the pickup points.

const tags = ['commerce: orders']

export const staffOrderRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/orders',
    {
      schema: {
        tags,
        summary: "Orders of the shops (and pickup points) in the caller's reach",
        querystring: OrderListQuery,
        response: { 200: Page(Order) },
      },
      config: { access: { permission: 'orders:read' } },
    },
    (request) => listShopOrders(db, actorOf(request), request.query),
  )

  app.get(
    '/orders.xlsx',
    {
      schema: {
        tags,
        summary: 'The same orders as an Excel download (up to 5,000, newest first)',
        querystring: OrderListQuery,
      },
      config: { access: { permission: 'orders:read' } },
    },
    async (request, reply) => {
      const orders = await exportShopOrders(db, actorOf(request), request.query, 5000)
      return sendWorkbook(reply, `订单_${shanghaiDate(Date.now())}.xlsx`, [ordersSheet(orders)])
    },
  )

  app.get(
    '/orders/:id',
    {
      schema: { tags, params: IdParams, response: { 200: Order } },
      config: { access: { permission: 'orders:read' } },
    },
    (request) => getShopOrder(db, actorOf(request), request.params.id),
  )

  app.get(
    '/stock-locations',
    {
      schema: { tags, response: { 200: Type.Array(PickupPoint) } },
      config: { access: { authenticated: true } },
    },
    async () =>
      (
        await db
          .selectFrom('stock_location')
          .selectAll()
          .where('active', '=', 1)
          .orderBy('kind')
          .orderBy('name')
          .execute()
      ).map(toPickupPoint),
  )
}
