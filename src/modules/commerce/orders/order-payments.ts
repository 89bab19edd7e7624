import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import type { PaymentListener, PaymentTable, RefundTable } from '../payments/index.js'
import { releaseStock, reserveStock, restockSold, sellReservedStock } from '../stock/index.js'
import { cancelUnpaidPayment } from './cancel-unpaid.js'
import { fulfilPaidOrder } from './order-fulfilment.js'
import { startRefund } from './order-refunds.js'
import { linesOf, ordersOf } from './order-rows.js'
import type { ShopOrderTable } from './order-tables.js'
import { transitionOrder } from './order-status.js'
import type { PromotionHookRegistry } from './promotion-hooks.js'

// What a payment's events mean for its orders (payments/payments.ts applies the events and
// calls these, in the same transaction): paid orders sell their reserved stock and go on to
// fulfilment or to their promotion; a payment closed unpaid cancels them; a refund that ends
// moves the order on from `refunding`.

/** The orders' side of a payment's events; a paid promotional order asks its promotion's hooks. */
export const orderPaymentListener = (hooks: PromotionHookRegistry): PaymentListener => ({
  paymentSucceeded: (db, actor, payment, paidAt, wasClosed) =>
    paymentSucceeded(db, hooks, actor, payment, paidAt, wasClosed),
  paymentClosed: async (db, actor, payment) => {
    await cancelUnpaidPayment(db, hooks, actor, payment, '买家取消支付，订单已取消')
  },
  refundFinished,
})

async function paymentSucceeded(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  payment: PaymentTable,
  paidAt: string,
  wasClosed: boolean,
): Promise<'paid' | 'paid-after-expiry' | 'refunded-after-expiry'> {
  const orders = await ordersOf(db, payment.id)
  if (!wasClosed) {
    for (const order of orders) await markOrderPaid(db, hooks, actor, order, paidAt, false)
    return 'paid'
  }
  // The money came after the window closed and the stock went back: take it again if it is
  // still there, otherwise give the money back, in full, automatically.
  if (await reReserve(db, orders)) {
    for (const order of orders) await markOrderPaid(db, hooks, actor, order, paidAt, true)
    return 'paid-after-expiry'
  }
  for (const order of orders) {
    await revive(db, actor, order, paidAt)
    await startRefund(
      db,
      hooks,
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
  hooks: PromotionHookRegistry,
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
  const promotion = hooks.of(order)
  const answer = promotion ? await promotion.paid(db, actor, order, fromCancelled) : 'keep'
  if (answer === 'refund') {
    await startRefund(
      db,
      hooks,
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
  refund: RefundTable,
  succeeded: boolean,
): Promise<void> {
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
    return
  }
  const refundedFen = order.refunded_fen + refund.amount_fen
  await db
    .updateTable('shop_order')
    .set({ refunded_fen: refundedFen })
    .where('id', '=', order.id)
    .execute()
  if (order.status === 'refunding' && lastOfOrder) {
    const full = refundedFen >= order.total_fen
    await transitionOrder(db, actor, order, 'refunding', full ? 'refunded' : back, {
      note: `refunded ${refund.amount_fen} fen`,
    })
    // Refunded in full before the customer took the goods: they are still on the shelf.
    if (full && (back === 'paid' || back === 'ready_for_pickup')) await restockOrder(db, order)
  }
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
