// What the server may use of commerce's orders, stock and payments (issue 4).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { afterSalesRoutes } from './after-sales-routes.js'
import { customerRoutes, type CustomerRoutesOptions } from './customer-routes.js'
import { paymentRoutes } from './payment-routes.js'
import { payoutRoutes } from './payout-routes.js'
import { staffOrderRoutes } from './staff-routes.js'
import type { PeriodicJob } from '../../../platform/jobs/index.js'
import type { LocalPaymentProvider } from '../payment/index.js'
import { startPaymentWorker } from './payment-worker.js'

export { runPaymentRound, startPaymentWorker } from './payment-worker.js'
export type { OrderTables } from './order-tables.js'
export { moveOrderWithParcel } from './order-shipping.js'
export { LOGIN_CODE_LIMITS, type LoginCodeLimits } from './login-code-guard.js'

// What the promotions (SVC-3) build their orders on.
export { buyerIdOf } from './buyer.js'
export { checkout, payFreeOrder, PAYMENT_WINDOW_S, type CheckoutPromotion } from './checkout.js'
export { fulfilPaidOrder } from './order-fulfilment.js'
export { ordersOf } from './order-rows.js'
export { CheckoutResult, PayAction, PaymentInfo } from './order-schema.js'
export type { OrderStatus, PromotionKind, ShopOrderTable } from './order-tables.js'
export { toOrders, toPaymentInfo } from './order-views.js'
export { payActionFor } from './pay-action.js'
export { registerPromotionHooks, type PromotionHooks } from './promotion-hooks.js'
export { refundableFen, REFUNDABLE_STATUSES, startRefund } from './refunds.js'

export type OrderRoutesOptions = CustomerRoutesOptions & {
  localGateway?: LocalPaymentProvider
  /** Run the payment worker (expiring unpaid orders, submitting refunds) while the app runs. */
  paymentWorker?: boolean
}

export const orderRoutes: FastifyPluginAsyncTypebox<OrderRoutesOptions> = async (app, options) => {
  if (options.paymentWorker) {
    let worker: PeriodicJob | undefined
    app.addHook('onReady', async () => {
      worker = startPaymentWorker(options.db, options.payments, options.notifyUrl, app.log)
      // Callbacks the local stand-in had not delivered when the last process stopped.
      await options.localGateway?.notifier.arm()
    })
    app.addHook('onClose', async () => {
      await worker?.stop()
    })
  }
  app.addHook('onClose', async () => {
    options.localGateway?.notifier.stop()
  })
  await app.register(customerRoutes, {
    db: options.db,
    payments: options.payments,
    notifyUrl: options.notifyUrl,
    revealLoginCodes: options.revealLoginCodes,
    secureCookies: options.secureCookies,
    challengeSecret: options.challengeSecret,
    loginCodeLimits: options.loginCodeLimits,
  })
  await app.register(paymentRoutes, {
    db: options.db,
    payments: options.payments,
    ...(options.localGateway ? { localGateway: options.localGateway } : {}),
  })
  await app.register(staffOrderRoutes, { db: options.db })
  await app.register(afterSalesRoutes, { db: options.db })
  await app.register(payoutRoutes, { db: options.db })
}
