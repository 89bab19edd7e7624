import type { Db } from '../../../db/database.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { AppError } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import type { PaymentProvider, RefundState } from './providers/index.js'

// Refunds are decided in a transaction (the order goes to `refunding`, a refund row is written)
// and submitted to the provider afterwards by the payment worker, always under the same
// out_refund_no: a provider that sees the number twice refunds once. An order already
// refunding can take a second refund (a team buy's or campaign's automatic refund while an
// after-sales refund is still with the provider); it leaves `refunding` when the last one ends.

/** What is left to refund of an order: paid, less refunded and less refunds under way. */
export async function refundableFen(
  db: Db,
  order: { id: string; total_fen: number; refunded_fen: number },
): Promise<number> {
  const pending = await db
    .selectFrom('refund')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('amount_fen'), eb.lit(0)).as('fen'))
    .where('order_id', '=', order.id)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow()
  return order.total_fen - order.refunded_fen - Number(pending.fen)
}

/** Refuses an amount outside ¥0.01 … what is left to refund; returns what is left. */
export async function checkRefundable(
  db: Db,
  order: { id: string; total_fen: number; refunded_fen: number },
  amountFen: number,
): Promise<number> {
  const refundable = await refundableFen(db, order)
  if (amountFen < 1 || amountFen > refundable)
    throw new AppError(
      'invalid',
      { en: `between ¥0.01 and what is left to refund`, zh: '退款金额须大于 0 且不超过可退金额' },
      [
        {
          field: 'amountFen',
          message: { en: `at most ${refundable} fen`, zh: `最多可退 ${refundable} 分` },
        },
      ],
    )
  return refundable
}

/** A pending refund of part of a payment, for one order; the worker submits it. */
export async function createRefund(
  db: Db,
  refund: { paymentId: string; orderId: string; amountFen: number; reason: string },
): Promise<string> {
  const id = newId()
  await db
    .insertInto('refund')
    .values({
      id,
      out_refund_no: `R${id.replaceAll('-', '').slice(0, 31)}`,
      payment_id: refund.paymentId,
      order_id: refund.orderId,
      amount_fen: refund.amountFen,
      reason: refund.reason,
      status: 'pending',
      attempts: 0,
      next_attempt_at: null,
      last_error: null,
      created_at: nowIso(),
      finished_at: null,
    })
    .execute()
  return id
}

/**
 * Submits refunds the provider has not confirmed; re-submitted with backoff until it does.
 * Returns the provider's answers: a provider that refunds synchronously (Alipay) has already
 * said `succeeded`, and the caller applies that like the callback it replaces.
 */
export async function submitPendingRefunds(
  db: Db,
  provider: PaymentProvider,
  notifyUrl: string,
  now: string = nowIso(),
): Promise<RefundState[]> {
  const due = await db
    .selectFrom('refund')
    .innerJoin('payment', 'payment.id', 'refund.payment_id')
    .select([
      'refund.id',
      'refund.out_refund_no',
      'refund.amount_fen',
      'refund.reason',
      'refund.attempts',
      'payment.out_trade_no',
      'payment.amount_fen as paid_fen',
    ])
    .where('refund.status', '=', 'pending')
    .where((eb) =>
      eb.or([eb('refund.next_attempt_at', 'is', null), eb('refund.next_attempt_at', '<=', now)]),
    )
    .where('payment.provider', '=', provider.name)
    .limit(50)
    .execute()
  const answers: RefundState[] = []
  for (const refund of due) {
    // Claimed by moving its next attempt: another node skips it until then.
    const claimed = await db
      .updateTable('refund')
      .set({
        attempts: refund.attempts + 1,
        next_attempt_at: addSeconds(now, backoffS(refund.attempts)),
      })
      .where('id', '=', refund.id)
      .where('attempts', '=', refund.attempts)
      .executeTakeFirst()
    if (claimed.numUpdatedRows !== 1n) continue
    try {
      const answer = await provider.refund({
        outTradeNo: refund.out_trade_no,
        outRefundNo: refund.out_refund_no,
        refundFen: refund.amount_fen,
        totalFen: refund.paid_fen,
        reason: refund.reason,
        notifyUrl,
      })
      answers.push(answer)
    } catch (error) {
      await db
        .updateTable('refund')
        .set({ last_error: error instanceof Error ? error.message.slice(0, 500) : String(error) })
        .where('id', '=', refund.id)
        .execute()
    }
  }
  return answers
}

/** Waits before re-submitting (and before re-asking the provider about) a refund: 1 min … 1 h. */
const backoffS = (attempts: number): number => Math.min(3600, 60 * 2 ** attempts)
