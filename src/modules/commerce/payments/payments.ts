import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import type { PaymentEvent } from './providers/index.js'
import type { PaymentTable, RefundTable } from './payment-tables.js'

// Applying what a payment provider tells us. Each distinct event is recorded once under a key
// made of its kind and numbers, in the same transaction as its effect: a callback delivered five
// times, or a callback and the synchronous answer it duplicates, changes the books once.
// This file keeps the payment's and the refund's own rows; what an event means for the orders
// (and their after-sales) is the listener's, which commerce's wiring passes in.

export type PaymentOutcome =
  | 'duplicate'
  | 'paid'
  | 'paid-after-expiry'
  | 'refunded-after-expiry'
  | 'already-settled'
  | 'amount-mismatch'
  | 'unknown-payment'
  | 'refund-succeeded'
  | 'refund-failed'
  | 'closed'

/** What the payments' events mean for the things paid for; called inside the event's transaction. */
export interface PaymentListener {
  /**
   * The payment row is now `succeeded`. `wasClosed`: its window had passed and it had been closed
   * (the orders cancelled, their stock released) before the money came.
   */
  paymentSucceeded(
    db: Db,
    actor: Actor,
    payment: PaymentTable,
    paidAt: string,
    wasClosed: boolean,
  ): Promise<'paid' | 'paid-after-expiry' | 'refunded-after-expiry'>
  /** The payer gave up on the pay page: the payment will not be paid under this number. */
  paymentClosed(db: Db, actor: Actor, payment: PaymentTable): Promise<void>
  /** A refund ended; its row and, on success, the payment's refunded_fen are already written. */
  refundFinished(db: Db, actor: Actor, refund: RefundTable, succeeded: boolean): Promise<void>
}

export const eventKey = (event: PaymentEvent): string =>
  [event.kind, event.outTradeNo, event.outRefundNo ?? ''].join(':')

export async function applyPaymentEvent(
  db: Db,
  actor: Actor,
  provider: string,
  event: PaymentEvent,
  listener: PaymentListener,
): Promise<PaymentOutcome> {
  const recorded = await db
    .insertInto('payment_notification')
    .values({
      event_key: eventKey(event),
      provider,
      kind: event.kind,
      out_trade_no: event.outTradeNo,
      amount_fen: event.amountFen,
      outcome: 'pending',
      received_at: nowIso(),
    })
    .onConflict((oc) => oc.column('event_key').doNothing())
    .returning('event_key')
    .executeTakeFirst()
  if (recorded === undefined) return 'duplicate'

  const outcome = await settle(db, actor, event, listener)
  await db
    .updateTable('payment_notification')
    .set({ outcome })
    .where('event_key', '=', eventKey(event))
    .execute()
  await recordAudit(db, actor, {
    action: `payment.${event.kind}`,
    entityType: 'payment',
    entityId: event.outTradeNo,
    organizationId: null,
    after: { outcome, amountFen: event.amountFen, outRefundNo: event.outRefundNo ?? null },
  })
  return outcome
}

async function settle(
  db: Db,
  actor: Actor,
  event: PaymentEvent,
  listener: PaymentListener,
): Promise<PaymentOutcome> {
  const payment = await db
    .selectFrom('payment')
    .selectAll()
    .where('out_trade_no', '=', event.outTradeNo)
    .executeTakeFirst()
  if (!payment) return 'unknown-payment'
  switch (event.kind) {
    case 'payment.succeeded':
      return paymentSucceeded(db, actor, payment, event, listener)
    case 'payment.closed':
      // The payer gave up on the pay page: the order will not be paid under this number.
      await listener.paymentClosed(db, actor, payment)
      return 'closed'
    case 'refund.succeeded':
    case 'refund.failed':
      return refundFinished(db, actor, payment, event, listener)
  }
}

async function paymentSucceeded(
  db: Db,
  actor: Actor,
  payment: PaymentTable,
  event: PaymentEvent,
  listener: PaymentListener,
): Promise<PaymentOutcome> {
  // Never believe an amount we did not ask for: the books stay as they are for a person to look.
  if (event.amountFen !== payment.amount_fen) return 'amount-mismatch'
  if (payment.status === 'succeeded') return 'already-settled'
  const paidAt = event.occurredAt
  const wasClosed = payment.status === 'closed'
  await db
    .updateTable('payment')
    .set({
      status: 'succeeded',
      paid_at: paidAt,
      provider_transaction_id: event.providerTransactionId,
    })
    .where('id', '=', payment.id)
    .where('status', '=', payment.status)
    .executeTakeFirstOrThrow()
  return listener.paymentSucceeded(db, actor, payment, paidAt, wasClosed)
}

async function refundFinished(
  db: Db,
  actor: Actor,
  payment: PaymentTable,
  event: PaymentEvent,
  listener: PaymentListener,
): Promise<PaymentOutcome> {
  const refund = await db
    .selectFrom('refund')
    .selectAll()
    .where('out_refund_no', '=', event.outRefundNo ?? '')
    .where('payment_id', '=', payment.id)
    .executeTakeFirst()
  if (!refund || refund.status !== 'pending') return 'already-settled'
  const succeeded = event.kind === 'refund.succeeded'
  await db
    .updateTable('refund')
    .set({ status: succeeded ? 'succeeded' : 'failed', finished_at: event.occurredAt })
    .where('id', '=', refund.id)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow()
  if (succeeded)
    await db
      .updateTable('payment')
      .set((eb) => ({ refunded_fen: eb('refunded_fen', '+', refund.amount_fen) }))
      .where('id', '=', payment.id)
      .execute()
  await listener.refundFinished(db, actor, refund, succeeded)
  return succeeded ? 'refund-succeeded' : 'refund-failed'
}

/**
 * A payment the provider has closed unpaid: compare-and-set from `pending` to `closed`. False
 * when a payment callback settled it first.
 */
export async function markPaymentClosed(db: Db, paymentId: string): Promise<boolean> {
  const closed = await db
    .updateTable('payment')
    .set({ status: 'closed', closed_at: nowIso() })
    .where('id', '=', paymentId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return closed.numUpdatedRows === 1n
}
