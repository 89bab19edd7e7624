import { nowIso } from '../../../shared/clock.js'
import type { PaymentTable } from './payment-tables.js'
import {
  PaymentProviderError,
  type PaymentEvent,
  type PaymentProvider,
  type PaymentState,
} from './providers/index.js'

// Closing a payment at the provider before its orders give their stock back, so a payer who pays
// in the last second is never charged for stock that went to someone else.

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
