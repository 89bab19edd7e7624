import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import {
  applyPaymentEvent,
  closeAtProvider,
  paidEventOf,
  type PaymentOutcome,
  type PaymentProvider,
  type PaymentState,
  type PaymentTable,
} from '../payments/index.js'
import { cancelUnpaidPayment } from './cancel-unpaid.js'
import { orderPaymentListener } from './order-payments.js'
import type { PromotionHookRegistry } from './promotion-hooks.js'

// Unpaid orders give their stock back when the payment window has passed, or the buyer cancels
// — but only after the provider has closed the payment, so a payer who pays in the last second
// is never charged for stock that went to someone else. If the provider says it was paid, that
// is applied as a payment.

/** After closeAtProvider: cancels the orders and releases their stock, or applies the payment. */
export async function settleClosing(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  provider: string,
  payment: PaymentTable,
  closing: 'closed' | PaymentState,
  reason: string,
): Promise<'closed' | PaymentOutcome> {
  if (closing !== 'closed') {
    return applyPaymentEvent(
      db,
      actor,
      provider,
      paidEventOf(payment, closing),
      orderPaymentListener(hooks),
    )
  }
  const cancelled = await cancelUnpaidPayment(db, hooks, actor, payment, reason)
  return cancelled ? 'closed' : 'already-settled'
}

/** The payment worker's sweep: closes payments whose window has passed. */
export async function expireUnpaidPayments(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  provider: PaymentProvider,
  now: string = nowIso(),
): Promise<{ closed: number; paid: number }> {
  const due = await db
    .selectFrom('payment')
    .selectAll()
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .where('provider', '=', provider.name)
    .orderBy('expires_at')
    .limit(100)
    .execute()
  const result = { closed: 0, paid: 0 }
  for (const payment of due) {
    const closing = await closeAtProvider(provider, payment)
    const outcome = await db
      .transaction()
      .execute((trx) =>
        settleClosing(trx, hooks, actor, provider.name, payment, closing, '超时未支付，订单已取消'),
      )
    if (outcome === 'closed') result.closed += 1
    else if (outcome === 'paid' || outcome === 'paid-after-expiry') result.paid += 1
  }
  return result
}
