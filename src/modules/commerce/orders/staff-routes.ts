import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { sendWorkbook } from '../../../platform/export/index.js'
import { actorOf, IdParams, Page, withTransaction } from '../../../platform/http/index.js'
import { shanghaiDate } from '../../../shared/clock.js'
import { listAllianceCarriers } from '../../logistics/index.js'
import { Order, OrderListQuery, PickupPoint, ShipOrderBody } from './order-schema.js'
import { shipThroughCarrier } from './order-shipping.js'
import {
  getOutsideDeliveryFees,
  OutsideDeliveryFees,
  OutsideDeliveryFeesBody,
  setOutsideDeliveryFees,
} from './outside-delivery.js'
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

  app.post(
    '/orders/:id/ship',
    {
      schema: {
        tags,
        summary:
          'Ship an order for an address outside the county through an alliance carrier, with its waybill (issue 15, SVC-1)',
        params: IdParams,
        body: ShipOrderBody,
        response: { 200: Order },
      },
      config: { access: { permission: 'orders:ship' } },
    },
    async (request) => {
      await withTransaction(db, request, (trx, actor) =>
        shipThroughCarrier(trx, actor, request.params.id, request.body),
      )
      return getShopOrder(db, actorOf(request), request.params.id)
    },
  )

  app.get(
    '/shipping-carriers',
    {
      schema: {
        tags,
        summary: "The alliance's carriers an order outside the county can be handed to",
        response: { 200: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) },
      },
      config: { access: { permission: 'orders:ship' } },
    },
    (request) => listAllianceCarriers(db, { ...actorOf(request).scope, county: true }),
  )

  app.get(
    '/outside-delivery-fees',
    {
      schema: {
        tags,
        summary: 'The delivery fee per order outside the county: flat, or by province',
        response: { 200: OutsideDeliveryFees },
      },
      // What a buyer anywhere pays for delivery: shown in the shop before checkout.
      config: { access: { public: true } },
    },
    () => getOutsideDeliveryFees(db),
  )

  app.put(
    '/outside-delivery-fees',
    {
      schema: {
        tags,
        summary: 'Set the delivery fee outside the county (replaces the whole rule)',
        body: OutsideDeliveryFeesBody,
        response: { 200: OutsideDeliveryFees },
      },
      config: { access: { permission: 'orders:manage' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        setOutsideDeliveryFees(trx, actor, request.body),
      ),
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
