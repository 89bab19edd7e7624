import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { AppError } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import type { PaymentProvider, RefundState } from '../payment/index.js'
import type { OrderStatus, ShopOrderTable } from './order-tables.js'
import { promotionHooksOf } from './promotion-hooks.js'
import { transitionOrder } from './order-status.js'

// Refunds are decided in a transaction (the order goes to `refunding`, a refund row is written)
// and submitted to the provider afterwards by the payment worker, always under the same
// out_refund_no: a provider that sees the number twice refunds once. An order already
// refunding can take a second refund (a team buy's or campaign's automatic refund while an
// after-sales refund is still with the provider); it leaves `refunding` when the last one ends.

/**
 * The states of a paid order that can still be refunded. `refunding`: a refund is under way (an
 * after-sales one, say) and another can be added beside it.
 */
export const REFUNDABLE_STATUSES: readonly OrderStatus[] = [
  'paid',
  'ready_for_pickup',
  'shipped',
  'completed',
  'refunding',
]

/** What is left to refund of an order: paid, less refunded and less refunds under way. */
export async function refundableFen(
  db: Db,
  order: Pick<ShopOrderTable, 'id' | 'total_fen' | 'refunded_fen'>,
): Promise<number> {
  const pending = await db
    .selectFrom('refund')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('amount_fen'), eb.lit(0)).as('fen'))
    .where('order_id', '=', order.id)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow()
  return order.total_fen - order.refunded_fen - Number(pending.fen)
}

/**
 * Starts a refund of `amountFen` of an order; the money moves when the provider confirms.
 * `from` is the status the order is in; `refunding` adds to the refunds already under way.
 */
export async function startRefund(
  db: Db,
  actor: Actor,
  order: Pick<
    ShopOrderTable,
    'id' | 'order_no' | 'shop_id' | 'payment_id' | 'total_fen' | 'refunded_fen'
  >,
  from: OrderStatus,
  amountFen: number,
  reason: string,
): Promise<string> {
  if (order.payment_id === null)
    throw new AppError('conflict', { en: 'the order was not paid online', zh: '该订单非线上支付' })
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
  if (amountFen === refundable) await tellPromotionRefundedInFull(db, actor, order.id)
  if (from === 'refunding') await keepRefunding(db, actor, order, amountFen, reason)
  else await transitionOrder(db, actor, order, from, 'refunding', { note: reason })
  const id = newId()
  await db
    .insertInto('refund')
    .values({
      id,
      out_refund_no: `R${id.replaceAll('-', '').slice(0, 31)}`,
      payment_id: order.payment_id,
      order_id: order.id,
      amount_fen: amountFen,
      reason,
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

async function tellPromotionRefundedInFull(db: Db, actor: Actor, orderId: string): Promise<void> {
  const order = await db
    .selectFrom('shop_order')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow()
  await promotionHooksOf(order)?.refundedInFull?.(db, actor, order)
}

/** Compare-and-set on `refunding`: the refund under way may have ended in the meantime. */
async function keepRefunding(
  db: Db,
  actor: Actor,
  order: Pick<ShopOrderTable, 'id' | 'order_no' | 'shop_id'>,
  amountFen: number,
  reason: string,
): Promise<void> {
  const still = await db
    .updateTable('shop_order')
    .set({ updated_at: nowIso() })
    .where('id', '=', order.id)
    .where('status', '=', 'refunding')
    .executeTakeFirst()
  if (still.numUpdatedRows !== 1n)
    throw new AppError('conflict', {
      en: 'the order is no longer refunding',
      zh: '订单已不在退款中，请刷新后重试',
    })
  await recordAudit(db, actor, {
    action: 'order.refund_added',
    entityType: 'order',
    entityId: order.id,
    organizationId: null,
    after: { orderNo: order.order_no, amountFen, reason },
  })
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
