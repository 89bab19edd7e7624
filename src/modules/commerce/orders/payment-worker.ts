import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../../db/database.js'
import { type PeriodicJob, startPeriodicJob } from '../../../platform/jobs/index.js'
import { systemActor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import type { PaymentProvider } from '../payment/index.js'
import { escalateOverdue, refundUnconfirmedReturns } from './after-sales.js'
import { expireUnpaidPayments } from './order-expiry.js'
import { applyPaymentEvent } from './payments.js'
import { recoverUnfinishedPayments } from './payment-recovery.js'
import { submitPendingRefunds } from './refunds.js'
import { handleUncollected } from './uncollected.js'

/**
 * One round of the payment worker: ask the provider about payments still pending (applying any
 * it says were paid), close payments whose window has passed (releasing their stock), remind
 * and then refund orders nobody collects, and submit refunds the provider has not confirmed yet.
 */
export async function runPaymentRound(
  db: Db,
  provider: PaymentProvider,
  notifyUrl: string,
  now: string = nowIso(),
) {
  const actor = systemActor('payments')
  const recovery = await recoverUnfinishedPayments(db, actor, provider, now)
  const expired = await expireUnpaidPayments(db, actor, provider, now)
  const uncollected = await db.transaction().execute((trx) => handleUncollected(trx, actor, now))
  const escalated = await db.transaction().execute((trx) => escalateOverdue(trx, actor, now))
  const returnsRefunded = await db
    .transaction()
    .execute((trx) => refundUnconfirmedReturns(trx, actor, now))
  const answers = await submitPendingRefunds(db, provider, notifyUrl, now)
  // A provider that refunds synchronously has already said so: apply it like its callback.
  for (const answer of answers.filter((a) => a.status === 'succeeded')) {
    await db.transaction().execute((trx) =>
      applyPaymentEvent(trx, actor, provider.name, {
        kind: 'refund.succeeded',
        outTradeNo: answer.outTradeNo,
        outRefundNo: answer.outRefundNo,
        providerTransactionId: answer.providerRefundId ?? '',
        amountFen: answer.refundFen,
        occurredAt: answer.succeededAt ?? nowIso(),
      }),
    )
  }
  return {
    ...recovery,
    ...expired,
    ...uncollected,
    escalated,
    returnsRefunded,
    refundsSubmitted: answers.length,
  }
}

export const startPaymentWorker = (
  db: Db,
  provider: PaymentProvider,
  notifyUrl: string,
  log: FastifyBaseLogger,
  intervalMs = 10_000,
): PeriodicJob =>
  // The first round at once: payments a crash or restart left unfinished are settled on start.
  startPeriodicJob('payments', intervalMs, () => runPaymentRound(db, provider, notifyUrl), log, {
    runAtStart: true,
  })
