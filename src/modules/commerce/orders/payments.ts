import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import type { PaymentEvent } from '../payment/index.js'
import type { PaymentTable, ShopOrderTable } from './order-tables.js'
import { transitionOrder } from './order-status.js'
import { cancelUnpaidPayment } from './cancel-unpaid.js'
import { linesOf, ordersOf } from './order-rows.js'
import { fulfilPaidOrder } from './order-fulfilment.js'
import { promotionHooksOf } from './promotion-hooks.js'
import { startRefund } from './refunds.js'
import { releaseStock, reserveStock, restockSold, sellReservedStock } from './stock.js'

// Applying what a payment provider tells us. Each distinct event is recorded once under a key
// made of its kind and numbers, in the same transaction as its effect: a callback delivered five
// times, or a callback and the synchronous answer it duplicates, changes the books once.

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

export const eventKey = (event: PaymentEvent): string =>
  [event.kind, event.outTradeNo, event.outRefundNo ?? ''].join(':')

export async function applyPaymentEvent(
  db: Db,
  actor: Actor,
  provider: string,
  event: PaymentEvent,
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

  const outcome = await settle(db, actor, event)
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

async function settle(db: Db, actor: Actor, event: PaymentEvent): Promise<PaymentOutcome> {
  const payment = await db
    .selectFrom('payment')
    .selectAll()
    .where('out_trade_no', '=', event.outTradeNo)
    .executeTakeFirst()
  if (!payment) return 'unknown-payment'
  switch (event.kind) {
    case 'payment.succeeded':
      return paymentSucceeded(db, actor, payment, event)
    case 'payment.closed':
      // The payer gave up on the pay page: the order will not be paid under this number.
      await cancelUnpaidPayment(db, actor, payment, '买家取消支付，订单已取消')
      return 'closed'
    case 'refund.succeeded':
    case 'refund.failed':
      return refundFinished(db, actor, payment, event)
  }
}

async function paymentSucceeded(
  db: Db,
  actor: Actor,
  payment: PaymentTable,
  event: PaymentEvent,
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
  const orders = await ordersOf(db, payment.id)
  if (!wasClosed) {
    for (const order of orders) await markOrderPaid(db, actor, order, paidAt, false)
    return 'paid'
  }
  // The money came after the window closed and the stock went back: take it again if it is
  // still there, otherwise give the money back, in full, automatically.
  if (await reReserve(db, orders)) {
    for (const order of orders) await markOrderPaid(db, actor, order, paidAt, true)
    return 'paid-after-expiry'
  }
  for (const order of orders) {
    await revive(db, actor, order, paidAt)
    await startRefund(
      db,
      actor,
      order,
      'paid',
      order.total_fen,
      '支付超时后到账，库存不足，自动退款',
    )
  }
  return 'refunded-after-expiry'
}

async function markOrderPaid(
  db: Db,
  actor: Actor,
  order: ShopOrderTable,
  paidAt: string,
  fromCancelled: boolean,
): Promise<void> {
  for (const line of await linesOf(db, order.id)) {
    await sellReservedStock(db, {
      skuId: line.sku_id,
      locationId: order.location_id,
      quantity: line.quantity,
      orderId: order.id,
    })
    // What the shop's "sales" sort and the product page count.
    await db
      .updateTable('product')
      .set((eb) => ({ sales_count: eb('sales_count', '+', line.quantity) }))
      .where('id', '=', line.product_id)
      .execute()
  }
  if (fromCancelled) await revive(db, actor, order, paidAt)
  else await transitionOrder(db, actor, order, 'created', 'paid', { set: { paid_at: paidAt } })
  const promotion = promotionHooksOf(order)
  const answer = promotion ? await promotion.paid(db, actor, order, fromCancelled) : 'keep'
  if (answer === 'refund') {
    await startRefund(
      db,
      actor,
      order,
      'paid',
      order.total_fen,
      '活动名额已满或已结束，自动全额退款',
    )
    return
  }
  // 'hold': the promotion fulfils it later (a team purchase when its team forms).
  if (answer === 'keep') await fulfilPaidOrder(db, actor, order, paidAt)
}

/** A cancelled (expired) order whose money arrived after all: it is paid, by the provider's word. */
async function revive(db: Db, actor: Actor, order: ShopOrderTable, paidAt: string): Promise<void> {
  // Not a transition a person can make, so written here rather than allowed in the table.
  await db
    .updateTable('shop_order')
    .set({
      status: 'paid',
      paid_at: paidAt,
      cancelled_at: null,
      cancel_reason: null,
      updated_at: nowIso(),
    })
    .where('id', '=', order.id)
    .where('status', '=', 'cancelled')
    .executeTakeFirstOrThrow()
  await recordAudit(db, actor, {
    action: 'order.paid',
    entityType: 'order',
    entityId: order.id,
    organizationId: null,
    before: { status: 'cancelled' },
    after: { status: 'paid', orderNo: order.order_no, note: 'paid after the payment window' },
  })
}

async function reReserve(db: Db, orders: readonly ShopOrderTable[]): Promise<boolean> {
  const taken: { skuId: string; locationId: string; quantity: number; orderId: string }[] = []
  for (const order of orders) {
    for (const line of await linesOf(db, order.id)) {
      const change = {
        skuId: line.sku_id,
        locationId: order.location_id,
        quantity: line.quantity,
        orderId: order.id,
      }
      if (!(await reserveStock(db, change))) {
        for (const undo of taken) await releaseStock(db, undo)
        return false
      }
      taken.push(change)
    }
  }
  return true
}

async function refundFinished(
  db: Db,
  actor: Actor,
  payment: PaymentTable,
  event: PaymentEvent,
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
  const order = await db
    .selectFrom('shop_order')
    .selectAll()
    .where('id', '=', refund.order_id)
    .executeTakeFirstOrThrow()
  const back = await statusBeforeRefunding(db, order.id)
  // Another refund of the order is still with the provider: it stays refunding until that ends.
  const lastOfOrder = !(await hasPendingRefund(db, order.id))
  if (!succeeded) {
    if (order.status === 'refunding' && lastOfOrder) {
      const full = order.refunded_fen >= order.total_fen
      await transitionOrder(db, actor, order, 'refunding', full ? 'refunded' : back, {
        note: 'refund failed',
      })
    }
    return 'refund-failed'
  }
  await db
    .updateTable('after_sale')
    .set({ status: 'refunded', updated_at: nowIso() })
    .where('refund_id', '=', refund.id)
    .where('status', '=', 'approved')
    .execute()
  const refundedFen = order.refunded_fen + refund.amount_fen
  await db
    .updateTable('shop_order')
    .set({ refunded_fen: refundedFen })
    .where('id', '=', order.id)
    .execute()
  await db
    .updateTable('payment')
    .set((eb) => ({ refunded_fen: eb('refunded_fen', '+', refund.amount_fen) }))
    .where('id', '=', payment.id)
    .execute()
  if (order.status === 'refunding' && lastOfOrder) {
    const full = refundedFen >= order.total_fen
    await transitionOrder(db, actor, order, 'refunding', full ? 'refunded' : back, {
      note: `refunded ${refund.amount_fen} fen`,
    })
    // Refunded in full before the customer took the goods: they are still on the shelf.
    if (full && (back === 'paid' || back === 'ready_for_pickup')) await restockOrder(db, order)
  }
  return 'refund-succeeded'
}

async function restockOrder(db: Db, order: ShopOrderTable): Promise<void> {
  const sold = await db
    .selectFrom('stock_movement')
    .select(['sku_id', 'location_id', 'quantity'])
    .where('order_id', '=', order.id)
    .where('kind', '=', 'sell')
    .execute()
  for (const movement of sold) {
    await restockSold(db, {
      skuId: movement.sku_id,
      locationId: movement.location_id,
      quantity: movement.quantity,
      orderId: order.id,
    })
  }
}

async function hasPendingRefund(db: Db, orderId: string): Promise<boolean> {
  const pending = await db
    .selectFrom('refund')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return pending !== undefined
}

async function statusBeforeRefunding(db: Db, orderId: string) {
  const event = await db
    .selectFrom('order_event')
    .select('from_status')
    .where('order_id', '=', orderId)
    .where('to_status', '=', 'refunding')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return event?.from_status ?? 'paid'
}
