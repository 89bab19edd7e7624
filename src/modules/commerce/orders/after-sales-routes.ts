import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { buyerIdOf } from './buyer.js'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import {
  actorOf,
  IdParams,
  Page,
  pageWindow,
  withTransaction,
} from '../../../platform/http/index.js'
import {
  decideAsOperator,
  escalateAsBuyer,
  requestAfterSale,
  receiveReturn,
  respondAsMerchant,
  shipReturn,
} from './after-sales.js'
import { fileComplaint, handleComplaint, listComplaints } from './complaints.js'
import {
  AfterSale,
  AfterSaleBody,
  AfterSaleQuery,
  Complaint,
  ComplaintBody,
  ComplaintQuery,
  DecisionBody,
  HandleComplaintBody,
  ReturnShipmentBody,
  StaffAfterSale,
  StaffComplaint,
} from './after-sales-schema.js'
import type { AfterSaleTable } from './order-tables.js'

// GOV-2: after-sales requests and complaints — the buyer's side under /shop, the merchants',
// operators' and the bureau's beside it.

const tags = ['commerce: after-sales']

const toAfterSale = (row: AfterSaleTable) => ({
  id: row.id,
  orderId: row.order_id,
  kind: row.kind,
  amountFen: row.amount_fen,
  approvedFen: row.approved_fen,
  returnCarrier: row.return_carrier,
  returnWaybillNo: row.return_waybill_no,
  returnShippedAt: row.return_shipped_at,
  reason: row.reason,
  status: row.status,
  respondBy: row.respond_by,
  merchantNote: row.merchant_note,
  operatorNote: row.operator_note,
  createdAt: row.created_at,
})

const toComplaint = (row: Awaited<ReturnType<typeof listComplaints>>['items'][number]) => ({
  id: row.id,
  kind: row.kind,
  orderId: row.order_id,
  shopId: row.shop_id,
  description: row.description,
  status: row.status,
  resolution: row.resolution,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export const afterSalesRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const signedIn = { authenticated: true } as const

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
        requestAfterSale(trx, actor, userId, request.params.id, request.body),
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

  app.get(
    '/after-sales',
    {
      schema: {
        tags,
        summary: "After-sales requests of the shops in the caller's reach",
        querystring: AfterSaleQuery,
        response: { 200: Page(StaffAfterSale) },
      },
      config: { access: { permission: 'orders:read' } },
    },
    async (request) => {
      const actor = actorOf(request)
      const { page, pageSize, offset } = pageWindow(request.query)
      let base = db
        .selectFrom('after_sale')
        .innerJoin('shop_order', 'shop_order.id', 'after_sale.order_id')
        .innerJoin('shop', 'shop.id', 'shop_order.shop_id')
      if (!actor.scope.county)
        base = base.where('shop.organization_id', 'in', [...actor.scope.organizationIds, ''])
      if (request.query.status) base = base.where('after_sale.status', '=', request.query.status)
      const [{ total }, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        base
          .selectAll('after_sale')
          .select(['shop_order.order_no', 'shop.name as shop_name'])
          .orderBy('after_sale.respond_by')
          .orderBy('after_sale.id')
          .limit(pageSize)
          .offset(offset)
          .execute(),
      ])
      const items = rows.map(({ order_no, shop_name, ...row }) => ({
        ...toAfterSale(row),
        orderNo: order_no,
        shopName: shop_name,
      }))
      return { items, total, page, pageSize }
    },
  )

  app.post(
    '/after-sales/:id/respond',
    {
      schema: {
        tags,
        summary: "The merchant's answer (within 48 hours): approve starts the refund",
        params: IdParams,
        body: DecisionBody,
        response: { 200: AfterSale },
      },
      config: { access: { permission: 'after-sales:respond' } },
    },
    async (request) =>
      toAfterSale(
        await withTransaction(db, request, (trx, actor) =>
          respondAsMerchant(trx, actor, request.params.id, request.body),
        ),
      ),
  )

  app.post(
    '/after-sales/:id/receive-return',
    {
      schema: {
        tags,
        summary: 'The merchant has the returned goods: the approved amount is refunded',
        params: IdParams,
        response: { 200: AfterSale },
      },
      config: { access: { permission: 'after-sales:respond' } },
    },
    async (request) =>
      toAfterSale(
        await withTransaction(db, request, (trx, actor) =>
          receiveReturn(trx, actor, request.params.id),
        ),
      ),
  )

  app.post(
    '/after-sales/:id/decide',
    {
      schema: {
        tags,
        summary: "The operating company's final decision on an escalated request",
        params: IdParams,
        body: DecisionBody,
        response: { 200: AfterSale },
      },
      config: { access: { permission: 'orders:manage' } },
    },
    async (request) =>
      toAfterSale(
        await withTransaction(db, request, (trx, actor) =>
          decideAsOperator(trx, actor, request.params.id, {
            ...request.body,
            note: request.body.note ?? '',
          }),
        ),
      ),
  )

  app.get(
    '/complaints',
    {
      schema: { tags, querystring: ComplaintQuery, response: { 200: Page(StaffComplaint) } },
      config: { access: { permission: 'complaints:handle' } },
    },
    async (request) => {
      const page = await listComplaints(db, request.query)
      const orderIds = page.items.flatMap((row) => (row.order_id ? [row.order_id] : []))
      const shopIds = page.items.flatMap((row) => (row.shop_id ? [row.shop_id] : []))
      const [orders, shops] = await Promise.all([
        db
          .selectFrom('shop_order')
          .select(['id', 'order_no'])
          .where('id', 'in', [...orderIds, ''])
          .execute(),
        db
          .selectFrom('shop')
          .select(['id', 'name'])
          .where('id', 'in', [...shopIds, ''])
          .execute(),
      ])
      const orderNo = new Map(orders.map((order) => [order.id, order.order_no]))
      const shopName = new Map(shops.map((shop) => [shop.id, shop.name]))
      const items = page.items.map((row) => ({
        ...toComplaint(row),
        orderNo: (row.order_id && orderNo.get(row.order_id)) ?? null,
        shopName: (row.shop_id && shopName.get(row.shop_id)) ?? null,
      }))
      return { ...page, items }
    },
  )

  app.post(
    '/complaints/:id/handle',
    {
      schema: {
        tags,
        params: IdParams,
        body: HandleComplaintBody,
        response: { 200: Complaint },
      },
      config: { access: { permission: 'complaints:handle' } },
    },
    async (request) =>
      toComplaint(
        await withTransaction(db, request, (trx, actor) =>
          handleComplaint(trx, actor, request.params.id, request.body),
        ),
      ),
  )
}
