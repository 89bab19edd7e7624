import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { sendWorkbook } from '../../../platform/export/index.js'
import { actorOf, IdParams, Nullable, Page, withTransaction } from '../../../platform/http/index.js'
import { shanghaiDate } from '../../../shared/clock.js'
import {
  CounterSaleBody,
  Order,
  OrderListQuery,
  PickupPoint,
  PickupVerifyBody,
  StockLevel,
  StockReceiveBody,
} from './order-schema.js'
import { toOrders, toPickupPoint } from './order-views.js'
import { storeLocalShares } from './local-share.js'
import { recordCounterSale } from './pos.js'
import { reconcileDay } from './reconciliation.js'
import { ordersSheet } from './orders-sheet.js'
import { exportShopOrders, getShopOrder, handOverAtPickup, listShopOrders } from './shop-orders.js'
import { bookInStock, listStock } from './stock-admin.js'

// Merchants', stores' and operators' side of orders and stock.

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
        querystring: Type.Object({
          from: Type.String({ format: 'date' }),
          to: Type.String({ format: 'date' }),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              locationId: Type.String(),
              storeName: Type.String(),
              salesFen: Type.Integer(),
              localFen: Type.Integer(),
              share: Nullable(Type.Number()),
              meetsTarget: Nullable(Type.Boolean()),
            }),
          ),
        },
      },
      config: { access: { permission: 'orders:read' } },
    },
    (request) => storeLocalShares(db, actorOf(request), request.query),
  )

  app.get(
    '/reports/payment-reconciliation',
    {
      schema: {
        tags,
        summary: 'Orders against payments for one day (Asia/Shanghai)',
        querystring: Type.Object({ date: Type.String({ format: 'date' }) }),
        response: {
          200: Type.Object({
            date: Type.String(),
            payments: Type.Integer(),
            paidCount: Type.Integer(),
            paidFen: Type.Integer(),
            refundedFen: Type.Integer(),
            problems: Type.Integer(),
            rows: Type.Array(
              Type.Object({
                outTradeNo: Type.String(),
                provider: Type.String(),
                status: Type.String(),
                amountFen: Type.Integer(),
                ordersFen: Type.Integer(),
                refundedFen: Type.Integer(),
                providerTransactionId: Nullable(Type.String()),
                problems: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
      config: { access: { permission: 'orders:manage' } },
    },
    (request) => reconcileDay(db, request.query.date),
  )
}
