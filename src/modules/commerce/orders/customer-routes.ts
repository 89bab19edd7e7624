import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { buyerIdOf } from './buyer.js'
import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import { IdParams, Page, withTransaction, withWriteBatch } from '../../../platform/http/index.js'
import { AppError, notFound } from '../../../shared/errors.js'
import type { PaymentAction, PaymentProvider } from '../payments/providers/index.js'
import { placeCheckout } from './checkout.js'
import { planCheckout } from './checkout-plan.js'
import { placedOrders } from './placed-orders.js'
import type { PromotionHookRegistry } from './promotion-hooks.js'
import { getMyOrder, listMyOrders, myOrderRow, refundUncollected } from './customer-orders.js'
import { closeAtProvider } from '../payments/index.js'
import { settleClosing } from './order-expiry.js'
import type { PaymentInfo } from './order-schema.js'
import { CheckoutBody, CheckoutResult, Order, OrderListQuery, PayAction } from './order-schema.js'
import { toPaymentInfo } from './order-views.js'

// The H5 shop's buyer: checkout, paying, and the buyer's own orders (sign-in is
// customers/customer-auth-routes.ts, the cart and addresses cart-routes.ts).

export interface CustomerRoutesOptions {
  db: Db
  payments: PaymentProvider
  /** Where providers post their callbacks, e.g. https://shop.example/api/commerce/shop/payments/notify/local */
  notifyUrl: string
  /** Every promotion's order hooks: a cancelled promotional order tells its promotion. */
  promotionHooks: PromotionHookRegistry
}

const tags = ['commerce: buyer']
const signedIn = { authenticated: true } as const

export const customerRoutes: FastifyPluginAsyncTypebox<CustomerRoutesOptions> = async (
  app,
  { db, payments, notifyUrl, promotionHooks },
) => {
  const payAction = async (request: FastifyRequest, payment: PaymentInfo): Promise<PaymentAction> =>
    payments.createPayment({
      outTradeNo: payment.outTradeNo,
      amountFen: payment.amountFen,
      description: '村通商城订单',
      notifyUrl,
      expiresAt: payment.expiresAt,
      channel: { kind: 'h5', payerClientIp: request.ip },
    })

  app.post(
    '/shop/checkout',
    {
      schema: {
        tags,
        summary:
          'Check out: reserves stock, creates one order per shop and one payment; answers how to pay',
        body: CheckoutBody,
        response: { 201: CheckoutResult },
      },
      config: { access: signedIn },
    },
    async (request, reply) => {
      // Reads and checks first, then only writes, as one batch (issue 14): on SQLite checkouts
      // ready at the same moment share a commit; on PostgreSQL it is one statement.
      const plan = await planCheckout(db, buyerIdOf(request), request.body)
      const placed = await withWriteBatch(db, request, (writer, actor) =>
        placeCheckout(writer, actor, payments.name, plan),
      )
      const payment = toPaymentInfo(placed.payment)
      // After commit: the provider is asked for a pay URL only once the stock is really ours.
      // If it cannot be reached, the order stands and the buyer pays from the order page.
      const action = await payAction(request, payment).catch((error: unknown) => {
        request.log.warn({ err: error }, 'payment provider unreachable at checkout')
        return null
      })
      return reply.status(201).send({ payment, orders: placedOrders(plan, placed), action })
    },
  )

  app.post(
    '/shop/payments/:id/pay',
    {
      schema: {
        tags,
        summary: 'How to pay a pending payment (again): the provider answers the same payment',
        params: IdParams,
        response: { 200: PayAction },
      },
      config: { access: signedIn },
    },
    async (request) => {
      const payment = await paymentOf(db, buyerIdOf(request), request.params.id)
      if (payment.status !== 'pending')
        throw new AppError('conflict', {
          en: `the payment is ${payment.status}`,
          zh: payment.status === 'succeeded' ? '该订单已支付' : '该订单已关闭，请重新下单',
        })
      return payAction(request, payment)
    },
  )

  app.get(
    '/shop/orders',
    {
      schema: { tags, querystring: OrderListQuery, response: { 200: Page(Order) } },
      config: { access: signedIn },
    },
    (request) => listMyOrders(db, buyerIdOf(request), request.query),
  )

  app.get(
    '/shop/orders/:id',
    {
      schema: { tags, params: IdParams, response: { 200: Order } },
      config: { access: signedIn },
    },
    (request) => getMyOrder(db, buyerIdOf(request), request.params.id),
  )

  app.post(
    '/shop/orders/:id/cancel',
    {
      schema: {
        tags,
        summary:
          'Cancel: an unpaid order (with the other orders of its payment) is closed; a paid one not yet collected is refunded in full',
        params: IdParams,
        response: { 200: Order },
      },
      config: { access: signedIn },
    },
    async (request) => {
      const userId = buyerIdOf(request)
      const order = await myOrderRow(db, userId, request.params.id)
      if (order.status === 'created' && order.payment_id !== null) {
        const payment = await db
          .selectFrom('payment')
          .selectAll()
          .where('id', '=', order.payment_id)
          .executeTakeFirstOrThrow()
        const closing = await closeAtProvider(payments, payment)
        await withTransaction(db, request, async (trx, actor) => {
          // Audited even when a payment callback settled the order first and nothing changes.
          await recordAudit(trx, actor, {
            action: 'order.cancel_requested',
            entityType: 'order',
            entityId: order.id,
            organizationId: null,
          })
          await settleClosing(
            trx,
            promotionHooks,
            actor,
            payments.name,
            payment,
            closing,
            '买家取消订单',
          )
        })
      } else {
        await withTransaction(db, request, (trx, actor) =>
          refundUncollected(trx, promotionHooks, actor, order, '买家取消订单（未取货）'),
        )
      }
      return getMyOrder(db, userId, order.id)
    },
  )
}

async function paymentOf(db: Db, userId: string, id: string): Promise<PaymentInfo> {
  const row = await db
    .selectFrom('payment')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) throw notFound({ en: 'payment', zh: '支付单' }, id)
  return toPaymentInfo(row)
}
