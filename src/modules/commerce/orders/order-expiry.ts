import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import {
  PaymentProviderError,
  type PaymentEvent,
  type PaymentProvider,
  type PaymentState,
} from '../payment/index.js'
import type { PaymentTable } from './order-tables.js'
import { cancelUnpaidPayment } from './cancel-unpaid.js'
import { applyPaymentEvent, type PaymentOutcome } from './payments.js'

// Unpaid orders give their stock back when the payment window has passed, or the buyer cancels
// — but only after the provider has closed the payment, so a payer who pays in the last second
// is never charged for stock that went to someone else. If the provider says it was paid, that
// is applied as a payment.

/** Asks the provider to close the payment: 'closed', or the state of a payment already paid. */
export async function closeAtProvider(
  provider: PaymentProvider,
  payment: Pick<PaymentTable, 'out_trade_no'>,
): Promise<'closed' | PaymentState> {
  try {
    await provider.closePayment(payment.out_trade_no)
    return 'closed'
  } catch (error) {
    // Alipay creates a trade only when the payer opens the pay URL: "not found" means it was
    // never opened. The URL could still be paid until it expires; such a late payment is kept or
    // refunded by applyPaymentEvent, so the stock can go back now.
    if (
      error instanceof PaymentProviderError &&
      (error.refusal === 'already-closed' || error.refusal === 'not-found')
    )
      return 'closed'
    if (!(error instanceof PaymentProviderError) || error.refusal !== 'already-paid') throw error
    return provider.queryPayment(payment.out_trade_no)
  }
}

/** A query's answer that the payment succeeded, as the event its callback would have carried. */
export const paidEventOf = (
  payment: Pick<PaymentTable, 'out_trade_no' | 'amount_fen'>,
  state: PaymentState,
): PaymentEvent => ({
  kind: 'payment.succeeded',
  outTradeNo: payment.out_trade_no,
  providerTransactionId: state.providerTransactionId ?? '',
  amountFen: state.amountFen ?? payment.amount_fen,
  occurredAt: state.paidAt ?? nowIso(),
})

/** After closeAtProvider: cancels the orders and releases their stock, or applies the payment. */
export async function settleClosing(
  db: Db,
  actor: Actor,
  provider: string,
  payment: PaymentTable,
  closing: 'closed' | PaymentState,
  reason: string,
): Promise<'closed' | PaymentOutcome> {
  if (closing !== 'closed') {
    return applyPaymentEvent(db, actor, provider, paidEventOf(payment, closing))
  }
  const cancelled = await cancelUnpaidPayment(db, actor, payment, reason)
  return cancelled ? 'closed' : 'already-settled'
}

/** The payment worker's sweep: closes payments whose window has passed. */
export async function expireUnpaidPayments(
  db: Db,
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
        settleClosing(trx, actor, provider.name, payment, closing, '超时未支付，订单已取消'),
      )
    if (outcome === 'closed') result.closed += 1
    else if (outcome === 'paid' || outcome === 'paid-after-expiry') result.paid += 1
  }
  return result
}
