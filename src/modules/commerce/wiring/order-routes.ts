import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PeriodicJob } from '../../../platform/jobs/index.js'
import { afterSalesRoutes, shopAfterSalesRoutes } from '../after-sales/index.js'
import { customerAuthRoutes, type CustomerAuthRoutesOptions } from '../customers/index.js'
import {
  cartRoutes,
  customerRoutes,
  pickupRoutes,
  staffOrderRoutes,
  type CustomerRoutesOptions,
} from '../orders/index.js'
import {
  paymentRoutes,
  reconciliationRoutes,
  type LocalPaymentProvider,
} from '../payments/index.js'
import { payoutRoutes } from '../payouts/index.js'
import { posRoutes } from '../pos/index.js'
import { locationRoutes, stockRoutes } from '../stock/index.js'
import { commercePaymentListener } from './payment-listener.js'
import { startPaymentWorker } from './payment-worker.js'

// Every order, payment, stock, store, after-sales and payout route (issue 4), mounted under
// /api/commerce, and the payment worker: where the payments' events meet the orders.

export type OrderRoutesOptions = CustomerAuthRoutesOptions &
  CustomerRoutesOptions & {
    localGateway?: LocalPaymentProvider
    /** Run the payment worker (expiring unpaid orders, submitting refunds) while the app runs. */
    paymentWorker?: boolean
  }

export const orderRoutes: FastifyPluginAsyncTypebox<OrderRoutesOptions> = async (app, options) => {
  if (options.paymentWorker) {
    let worker: PeriodicJob | undefined
    app.addHook('onReady', async () => {
      worker = startPaymentWorker(
        options.db,
        options.promotionHooks,
        options.payments,
        options.notifyUrl,
        app.log,
      )
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
  await app.register(customerAuthRoutes, {
    db: options.db,
    revealLoginCodes: options.revealLoginCodes,
    secureCookies: options.secureCookies,
    challengeSecret: options.challengeSecret,
    loginCodeLimits: options.loginCodeLimits,
  })
  await app.register(cartRoutes, { db: options.db })
  await app.register(customerRoutes, {
    db: options.db,
    payments: options.payments,
    notifyUrl: options.notifyUrl,
    promotionHooks: options.promotionHooks,
  })
  await app.register(paymentRoutes, {
    db: options.db,
    payments: options.payments,
    ...(options.localGateway ? { localGateway: options.localGateway } : {}),
    listener: commercePaymentListener(options.promotionHooks),
  })
  await app.register(staffOrderRoutes, { db: options.db })
  await app.register(stockRoutes, { db: options.db })
  await app.register(locationRoutes, { db: options.db })
  await app.register(pickupRoutes, { db: options.db })
  await app.register(posRoutes, { db: options.db })
  await app.register(reconciliationRoutes, { db: options.db })
  const withHooks = { db: options.db, promotionHooks: options.promotionHooks }
  await app.register(shopAfterSalesRoutes, withHooks)
  await app.register(afterSalesRoutes, withHooks)
  await app.register(payoutRoutes, { db: options.db })
}
