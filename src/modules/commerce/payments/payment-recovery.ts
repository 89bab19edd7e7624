import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { PaymentProviderError, type PaymentProvider } from './providers/index.js'
import { paidEventOf } from './payment-closing.js'
import { applyPaymentEvent, type PaymentListener } from './payments.js'

// A callback can be lost (the app was down for all its retries, the provider gave up, the
// process died between the provider's answer and our commit). So the payment worker also asks:
// every payment still pending after a short grace is queried, and a payment the provider calls
// paid is applied exactly as its callback would be — the same idempotent path.

/** Payments younger than this are left to their callback: the payer is probably still paying. */
export const RECOVERY_GRACE_S = 10
/** At most this many payments are queried per round, oldest first. */
const RECOVERY_BATCH = 200

export async function recoverUnfinishedPayments(
  db: Db,
  actor: Actor,
  provider: PaymentProvider,
  listener: PaymentListener,
  now: string = nowIso(),
  graceS: number = RECOVERY_GRACE_S,
): Promise<{ queried: number; recovered: number; unanswered: number }> {
  const unfinished = await db
    .selectFrom('payment')
    .selectAll()
    .where('status', '=', 'pending')
    .where('provider', '=', provider.name)
    .where('created_at', '<=', addSeconds(now, -graceS))
    .orderBy('created_at')
    .limit(RECOVERY_BATCH)
    .execute()
  const result = { queried: unfinished.length, recovered: 0, unanswered: 0 }
  for (const payment of unfinished) {
    let state
    try {
      state = await provider.queryPayment(payment.out_trade_no)
    } catch (error) {
      // Never created at the provider (the payer never opened it): nothing was paid.
      if (error instanceof PaymentProviderError && error.refusal === 'not-found') continue
      result.unanswered += 1
      continue
    }
    if (state.status !== 'succeeded') continue
    const outcome = await db
      .transaction()
      .execute((trx) =>
        applyPaymentEvent(trx, actor, provider.name, paidEventOf(payment, state), listener),
      )
    if (outcome !== 'duplicate' && outcome !== 'already-settled') result.recovered += 1
  }
  return result
}
