import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.js'
import type { PromotionHookRegistry } from '../orders/index.js'
import {
  actorOf,
  IdParams,
  Page,
  pageWindow,
  withTransaction,
} from '../../../platform/http/index.js'
import { decideAsOperator, receiveReturn, respondAsMerchant } from './after-sales.js'
import {
  AfterSale,
  AfterSaleQuery,
  Complaint,
  ComplaintQuery,
  DecisionBody,
  HandleComplaintBody,
  StaffAfterSale,
  StaffComplaint,
} from './after-sales-schema.js'
import { toAfterSale, toComplaint } from './after-sales-views.js'
import { handleComplaint, listComplaints } from './complaints.js'

// GOV-2: the merchants', operators' and the bureau's side of after-sales requests and
// complaints (the buyer's is shop-after-sales-routes.ts).

const tags = ['commerce: after-sales']

export const afterSalesRoutes: FastifyPluginAsyncTypebox<{
  db: Db
  promotionHooks: PromotionHookRegistry
}> = async (app, { db, promotionHooks }) => {
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
          respondAsMerchant(trx, promotionHooks, actor, request.params.id, request.body),
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
          receiveReturn(trx, promotionHooks, actor, request.params.id),
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
          decideAsOperator(trx, promotionHooks, actor, request.params.id, {
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
