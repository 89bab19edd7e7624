import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../../db/database.js'
import { type PeriodicJob, startPeriodicJob } from '../../../platform/jobs/index.js'
import { systemActor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { escalateOverdue, refundUnconfirmedReturns } from '../after-sales/index.js'
import {
  expireUnpaidPayments,
  handleUncollected,
  type PromotionHookRegistry,
} from '../orders/index.js'
import {
  recoverUnfinishedPayments,
  submitPendingRefunds,
  type PaymentProvider,
} from '../payments/index.js'
import { applyPaymentEvent, commercePaymentListener } from './payment-listener.js'

/**
 * One round of the payment worker: ask the provider about payments still pending (applying any
 * it says were paid), close payments whose window has passed (releasing their stock), remind
 * and then refund orders nobody collects, and submit refunds the provider has not confirmed yet.
 */
export async function runPaymentRound(
  db: Db,
  hooks: PromotionHookRegistry,
  provider: PaymentProvider,
  notifyUrl: string,
  now: string = nowIso(),
) {
  const actor = systemActor('payments')
  const recovery = await recoverUnfinishedPayments(
    db,
    actor,
    provider,
    commercePaymentListener(hooks),
    now,
  )
  const expired = await expireUnpaidPayments(db, hooks, actor, provider, now)
  const uncollected = await db
    .transaction()
    .execute((trx) => handleUncollected(trx, hooks, actor, now))
  const escalated = await db.transaction().execute((trx) => escalateOverdue(trx, actor, now))
  const returnsRefunded = await db
    .transaction()
    .execute((trx) => refundUnconfirmedReturns(trx, hooks, actor, now))
  const answers = await submitPendingRefunds(db, provider, notifyUrl, now)
  // A provider that refunds synchronously has already said so: apply it like its callback.
  for (const answer of answers.filter((a) => a.status === 'succeeded')) {
    await db.transaction().execute((trx) =>
      applyPaymentEvent(trx, hooks, actor, provider.name, {
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
  hooks: PromotionHookRegistry,
  provider: PaymentProvider,
  notifyUrl: string,
  log: FastifyBaseLogger,
  intervalMs = 10_000,
): PeriodicJob =>
  // The first round at once: payments a crash or restart left unfinished are settled on start.
  startPeriodicJob(
    'payments',
    intervalMs,
    () => runPaymentRound(db, hooks, provider, notifyUrl),
    log,
    { db, runAtStart: true },
  )
