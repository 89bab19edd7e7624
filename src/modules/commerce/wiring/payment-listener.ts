import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import type { PromotionHookRegistry } from '../orders/index.js'
import { markAfterSaleRefunded } from '../after-sales/index.js'
import { orderPaymentListener } from '../orders/index.js'
import {
  applyPaymentEvent as applyWith,
  type PaymentEvent,
  type PaymentListener,
  type PaymentOutcome,
} from '../payments/index.js'

// What a payment's events mean for the rest of commerce, in one place: the orders paid for, and
// the after-sales request a refund was made for.

export function commercePaymentListener(hooks: PromotionHookRegistry): PaymentListener {
  const orders = orderPaymentListener(hooks)
  return {
    ...orders,
    refundFinished: async (db, actor, refund, succeeded) => {
      if (succeeded) await markAfterSaleRefunded(db, refund.id)
      await orders.refundFinished(db, actor, refund, succeeded)
    },
  }
}

/** Applies a provider's event (idempotently) with everything commerce does on it. */
export const applyPaymentEvent = (
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  provider: string,
  event: PaymentEvent,
): Promise<PaymentOutcome> => applyWith(db, actor, provider, event, commercePaymentListener(hooks))
