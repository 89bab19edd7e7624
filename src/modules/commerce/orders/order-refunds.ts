import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError } from '../../../shared/errors.js'
import { checkRefundable, createRefund } from '../payments/index.js'
import type { OrderStatus, ShopOrderTable } from './order-tables.js'
import { transitionOrder } from './order-status.js'
import type { PromotionHookRegistry } from './promotion-hooks.js'

// Refunding an order: it goes to `refunding` and a refund of its payment is created, which the
// payment worker submits; payments/payments.ts applies the provider's answer.

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

/**
 * Starts a refund of `amountFen` of an order; the money moves when the provider confirms.
 * `from` is the status the order is in; `refunding` adds to the refunds already under way.
 */
export async function startRefund(
  db: Db,
  hooks: PromotionHookRegistry,
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
  const refundable = await checkRefundable(db, order, amountFen)
  if (amountFen === refundable) await tellPromotionRefundedInFull(db, hooks, actor, order.id)
  if (from === 'refunding') await keepRefunding(db, actor, order, amountFen, reason)
  else await transitionOrder(db, actor, order, from, 'refunding', { note: reason })
  return createRefund(db, {
    paymentId: order.payment_id,
    orderId: order.id,
    amountFen,
    reason,
  })
}

async function tellPromotionRefundedInFull(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  orderId: string,
): Promise<void> {
  const order = await db
    .selectFrom('shop_order')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow()
  await hooks.of(order)?.refundedInFull?.(db, actor, order)
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
