import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { buyerIdOf } from './buyer.js'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { setSessionCookie } from '../../../platform/auth/index.js'
import { recordAudit } from '../../../platform/audit/index.js'
import { IdParams, NoContent, Page, withTransaction } from '../../../platform/http/index.js'
import { AppError, notFound } from '../../../shared/errors.js'
import { maskPhone } from '../../../shared/personal-data.js'
import type { PaymentAction, PaymentProvider } from '../payment/index.js'
import { addAddress, deleteAddress, listAddresses } from './addresses.js'
import { readCart, setCartQuantity } from './cart.js'
import { checkout } from './checkout.js'
import { logInWithCode, sendLoginCode, wrongCode } from './customer-auth.js'
import { newLoginCodeChallenge, type LoginCodeLimits } from './login-code-guard.js'
import { getMyOrder, listMyOrders, myOrderRow, refundUncollected } from './customer-orders.js'
import { closeAtProvider, settleClosing } from './order-expiry.js'
import type { PaymentInfo } from './order-schema.js'
import {
  Address,
  AddressBody,
  CartLine,
  CartQuantityBody,
  CheckoutBody,
  CheckoutResult,
  CodeLoginBody,
  Customer,
  LoginCodeBody,
  LoginCodeChallenge,
  LoginCodeSent,
  Order,
  OrderListQuery,
  PayAction,
  PickupPoint,
} from './order-schema.js'
import { ordersOf } from './order-rows.js'
import { toOrders, toPaymentInfo, toPickupPoint } from './order-views.js'

// The H5 shop's signed-in side: sign-in by texted code, cart, addresses, checkout, paying, and
// the buyer's own orders.

export interface CustomerRoutesOptions {
  db: Db
  payments: PaymentProvider
  /** Where providers post their callbacks, e.g. https://shop.example/api/commerce/shop/payments/notify/local */
  notifyUrl: string
  /** With the local SMS provider nothing is texted, so the sign-in code is shown instead. */
  revealLoginCodes: boolean
  secureCookies: boolean
  /** Signs the sign-in code challenges (the session secret). */
  challengeSecret: string
  /** Sign-in codes per address and per hour (issue 12). */
  loginCodeLimits: LoginCodeLimits
}

const tags = ['commerce: buyer']
const signedIn = { authenticated: true } as const

export const customerRoutes: FastifyPluginAsyncTypebox<CustomerRoutesOptions> = async (
  app,
  { db, payments, notifyUrl, revealLoginCodes, secureCookies, challengeSecret, loginCodeLimits },
) => {
  const guard = { secret: challengeSecret, limits: loginCodeLimits }
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
    '/shop/auth/code',
    {
      schema: {
        tags,
        summary:
          'Text a sign-in code to a mobile number (one a minute, ten a day per number; after a few from one address, each needs a solved challenge)',
        body: LoginCodeBody,
        response: { 200: LoginCodeSent },
      },
      config: { access: { public: true } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        sendLoginCode(trx, actor, request.body, { revealCode: revealLoginCodes, guard }),
      ),
  )

  app.get(
    '/shop/auth/challenge',
    {
      schema: {
        tags,
        summary: 'A proof-of-work challenge to solve before asking for another sign-in code',
        response: { 200: LoginCodeChallenge },
      },
      config: { access: { public: true } },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store')
      return newLoginCodeChallenge(challengeSecret, loginCodeLimits)
    },
  )

  app.post(
    '/shop/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with the texted code; a new number becomes a new customer',
        body: CodeLoginBody,
        response: { 200: Customer },
      },
      config: { access: { public: true } },
    },
    async (request, reply) => {
      const session = await withTransaction(db, request, (trx, actor) =>
        logInWithCode(trx, actor, request.body, request.headers['user-agent']),
      )
      if (!session) throw wrongCode()
      setSessionCookie(reply, session.secret, secureCookies)
      return {
        userId: session.userId,
        displayName: session.displayName,
        phone: maskPhone(request.body.phone),
        csrfToken: session.csrfToken,
      }
    },
  )

  app.get(
    '/shop/pickup-points',
    {
      schema: {
        tags,
        summary: 'Where an order can be picked up: O2O stores and village stations',
        querystring: Type.Object({ kind: Type.Optional(Type.Enum(['store', 'station'])) }),
        response: { 200: Type.Array(PickupPoint) },
      },
      config: { access: { public: true } },
    },
    async (request) => {
      let query = db
        .selectFrom('stock_location')
        .selectAll()
        .where('active', '=', 1)
        .where('kind', 'in', request.query.kind ? [request.query.kind] : ['store', 'station'])
      query = query.orderBy('kind', 'desc').orderBy('name')
      return (await query.execute()).map(toPickupPoint)
    },
  )

  app.get(
    '/shop/cart',
    { schema: { tags, response: { 200: Type.Array(CartLine) } }, config: { access: signedIn } },
    (request) => readCart(db, buyerIdOf(request)),
  )

  app.put(
    '/shop/cart/:id',
    {
      schema: {
        tags,
        summary: 'Set how many of a SKU are in the cart (0 takes it out)',
        params: IdParams,
        body: CartQuantityBody,
        response: { 200: Type.Array(CartLine) },
      },
      config: { access: signedIn },
    },
    async (request) => {
      const userId = buyerIdOf(request)
      await withTransaction(db, request, (trx, actor) =>
        setCartQuantity(trx, actor, userId, request.params.id, request.body.quantity),
      )
      return readCart(db, userId)
    },
  )

  app.get(
    '/shop/addresses',
    { schema: { tags, response: { 200: Type.Array(Address) } }, config: { access: signedIn } },
    (request) => listAddresses(db, buyerIdOf(request)),
  )

  app.post(
    '/shop/addresses',
    {
      schema: { tags, body: AddressBody, response: { 201: Address } },
      config: { access: signedIn },
    },
    async (request, reply) => {
      const userId = buyerIdOf(request)
      const address = await withTransaction(db, request, (trx, actor) =>
        addAddress(trx, actor, userId, request.body),
      )
      return reply.status(201).send(address)
    },
  )

  app.delete(
    '/shop/addresses/:id',
    {
      schema: { tags, params: IdParams, response: { 204: NoContent } },
      config: { access: signedIn },
    },
    async (request, reply) => {
      const userId = buyerIdOf(request)
      await withTransaction(db, request, (trx, actor) =>
        deleteAddress(trx, actor, userId, request.params.id),
      )
      return reply.status(204).send(null)
    },
  )

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
      const userId = buyerIdOf(request)
      const result = await withTransaction(db, request, (trx, actor) =>
        checkout(trx, actor, userId, payments.name, request.body),
      )
      const payment = await paymentOf(db, userId, result.paymentId)
      // After commit: the provider is asked for a pay URL only once the stock is really ours.
      // If it cannot be reached, the order stands and the buyer pays from the order page.
      const action = await payAction(request, payment).catch((error: unknown) => {
        request.log.warn({ err: error }, 'payment provider unreachable at checkout')
        return null
      })
      const orders = await toOrders(db, await ordersOf(db, result.paymentId), {
        showPickupCode: true,
      })
      return reply.status(201).send({ payment, orders, action })
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
          await settleClosing(trx, actor, payments.name, payment, closing, '买家取消订单')
        })
      } else {
        await withTransaction(db, request, (trx, actor) =>
          refundUncollected(trx, actor, order, '买家取消订单（未取货）'),
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
