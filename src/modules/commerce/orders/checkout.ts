import type { Db } from '../../../db/database.js'
import { executeWrites } from '../../../db/write-batch.js'
import { auditInsert } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import type { OrderEventTable, OrderLineTable, ShopOrderTable } from './order-tables.js'
import { isStockShortage, reservationWrites, type StockLocationTable } from '../stock/index.js'
import { applyPaymentEvent, type PaymentTable } from '../payments/index.js'
import { orderPaymentListener } from './order-payments.js'
import type { PromotionHookRegistry } from './promotion-hooks.js'
import {
  planCheckout,
  type CheckoutInput,
  type CheckoutPlan,
  type PricedLine,
} from './checkout-plan.js'

// Checkout: one payment for everything in the basket, one order per shop (an order is split by
// merchant; all orders of a checkout ship from one location: the pickup store, or the county
// warehouse). Stock is reserved in the same transaction; anything short rolls the whole
// checkout back.

export { PAYMENT_WINDOW_S, type CheckoutInput, type CheckoutPromotion } from './checkout-plan.js'

export interface CheckoutResult {
  paymentId: string
  outTradeNo: string
  amountFen: number
  expiresAt: string
  orderIds: string[]
}

/** A checkout placed, with the rows it wrote: its answer needs no second read of them. */
export interface PlacedCheckout extends CheckoutResult {
  payment: PaymentTable
  orders: ShopOrderTable[]
  lines: OrderLineTable[]
  events: OrderEventTable[]
}

/** Checks, prices and places a basket in the caller's transaction (the promotions' way in). */
export async function checkout(
  db: Db,
  actor: Actor,
  userId: string,
  provider: string,
  input: CheckoutInput,
): Promise<CheckoutResult> {
  const placed = await placeCheckout(db, actor, provider, await planCheckout(db, userId, input))
  const { paymentId, outTradeNo, amountFen, expiresAt, orderIds } = placed
  return { paymentId, outTradeNo, amountFen, expiresAt, orderIds }
}

/**
 * Writes a planned checkout (issue 14): one insert per table and the stock reservations, as one
 * write batch — a single statement on PostgreSQL (src/db/write-batch.ts). In the caller's
 * transaction (SQLite's group commit, a promotion's checkout) a shortage throws and the
 * transaction rolls everything back; given no transaction (PostgreSQL's checkout route) the
 * statement commits by itself, or fails whole on a shortage, and the stock rows are locked only
 * inside the database.
 */
export async function placeCheckout(
  db: Db,
  actor: Actor,
  provider: string,
  plan: CheckoutPlan,
): Promise<PlacedCheckout> {
  const { input, userId, location, now, expiresAt } = plan
  const outTradeNo = plan.paymentId.replaceAll('-', '')
  const payment: PaymentTable = {
    id: plan.paymentId,
    out_trade_no: outTradeNo,
    user_id: userId,
    provider: plan.amountFen === 0 ? FREE_PROVIDER : provider,
    amount_fen: plan.amountFen,
    status: 'pending',
    provider_transaction_id: null,
    pay_url: null,
    expires_at: expiresAt,
    paid_at: null,
    closed_at: null,
    refunded_fen: 0,
    created_at: now,
  }
  const orders = plan.orders.map((order): ShopOrderTable => ({
    id: order.id,
    order_no: order.orderNo,
    payment_id: plan.paymentId,
    user_id: userId,
    shop_id: order.shopId,
    channel: 'online',
    location_id: location.id,
    delivery: input.delivery,
    pickup_location_id: plan.pickupPoint?.id ?? null,
    address_json: plan.addressJson,
    status: 'created',
    items_fen: order.itemsFen,
    delivery_fen: order.deliveryFen,
    total_fen: order.itemsFen + order.deliveryFen,
    refunded_fen: 0,
    pickup_code: null,
    note: input.note ?? null,
    payment_deadline: expiresAt,
    paid_at: null,
    ready_at: null,
    completed_at: null,
    cancelled_at: null,
    cancel_reason: null,
    reminded_at: null,
    parcel_id: null,
    promotion_kind: input.promotion?.kind ?? null,
    promotion_id: input.promotion?.id ?? null,
    share_code: input.promotion?.shareCode ?? null,
    created_at: now,
    updated_at: now,
  }))
  const lines = plan.orders.flatMap((order) =>
    order.shopLines.map((line): OrderLineTable => ({
      id: newId(),
      order_id: order.id,
      sku_id: line.skuId,
      product_id: line.productId,
      title: line.title,
      spec: line.spec,
      local_kind: line.localKind,
      unit_price_fen: line.unitPriceFen,
      quantity: line.quantity,
      line_fen: line.lineFen,
    })),
  )
  const events = orders.map((order): OrderEventTable => ({
    id: newId(),
    order_id: order.id,
    from_status: null,
    to_status: 'created',
    actor_user_id: userId,
    note: null,
    at: now,
  }))

  const audit = auditInsert(
    db,
    actor,
    orders.map((order) => ({
      action: 'order.created',
      entityType: 'order',
      entityId: order.id,
      organizationId: null,
      after: { orderNo: order.order_no, totalFen: order.total_fen },
    })),
  )
  const cartCleared = input.fromCart
    ? [
        db
          .deleteFrom('cart_item')
          .where('user_id', '=', userId)
          .where(
            'sku_id',
            'in',
            plan.lines.map((line) => line.skuId),
          ),
      ]
    : []
  const reservation = reservationWrites(
    db,
    lines.map((line) => ({
      skuId: line.sku_id,
      locationId: location.id,
      quantity: line.quantity,
      orderId: line.order_id,
      actorUserId: userId,
    })),
  )
  const writes = [
    db.insertInto('payment').values(payment),
    db.insertInto('shop_order').values(orders),
    db.insertInto('order_line').values(lines),
    db.insertInto('order_event').values(events),
    audit,
    ...cartCleared,
    reservation.ledger,
    ...reservation.updates.map(({ write }) => write),
  ]
  const counts = await executeWrites(db, writes).catch(async (error: unknown) => {
    if (!isStockShortage(error)) throw error
    throw await soldOut(db, await shortLine(db, plan), location)
  })
  const reserved = counts.slice(writes.length - reservation.updates.length)
  const short = reservation.updates.find((_, index) => reserved[index] !== 1)
  if (short) {
    const line = plan.lines.find((l) => l.skuId === short.change.skuId) as PricedLine
    throw await soldOut(db, line, location)
  }
  return {
    paymentId: plan.paymentId,
    outTradeNo,
    amountFen: plan.amountFen,
    expiresAt,
    orderIds: orders.map((o) => o.id),
    payment,
    orders,
    lines,
    events,
  }
}

/**
 * The payment of an order that costs nothing: it never goes to WeChat Pay or Alipay (which
 * refuse ¥0), and reconciliation with them leaves it out.
 */
export const FREE_PROVIDER = 'free'

/**
 * Pays an order that costs nothing (a bargain cut to a ¥0 floor and collected in store), in the
 * caller's transaction, through the same path as a provider's callback: stock is sold and the
 * promotion hears of it as of any payment. Called by the promotion once it has linked the order.
 */
export async function payFreeOrder(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  placed: Pick<CheckoutResult, 'outTradeNo' | 'amountFen'>,
): Promise<void> {
  if (placed.amountFen !== 0) throw new Error('programming error: only a ¥0 order is paid here')
  await applyPaymentEvent(
    db,
    actor,
    FREE_PROVIDER,
    {
      kind: 'payment.succeeded',
      outTradeNo: placed.outTradeNo,
      providerTransactionId: `FREE${placed.outTradeNo}`,
      amountFen: 0,
      occurredAt: nowIso(),
    },
    // A free order's only event is this one: what it means for the order is the orders' own.
    orderPaymentListener(hooks),
  )
}

/**
 * The line a refused batch had too few units for (the constraint's error does not say which):
 * the first one still short when asked, else the first line.
 */
async function shortLine(db: Db, plan: CheckoutPlan): Promise<PricedLine> {
  const levels = await db
    .selectFrom('stock_level')
    .select(['sku_id', 'available'])
    .where(
      'sku_id',
      'in',
      plan.lines.map((line) => line.skuId),
    )
    .where('location_id', '=', plan.location.id)
    .execute()
  const available = new Map(levels.map((level) => [level.sku_id, level.available]))
  return (
    plan.lines.find((line) => (available.get(line.skuId) ?? 0) < line.quantity) ??
    (plan.lines[0] as PricedLine)
  )
}

async function soldOut(db: Db, line: PricedLine, location: StockLocationTable): Promise<AppError> {
  const level = await db
    .selectFrom('stock_level')
    .select('available')
    .where('sku_id', '=', line.skuId)
    .where('location_id', '=', location.id)
    .executeTakeFirst()
  const left = level?.available ?? 0
  const message = {
    en: `only ${left} left of ${line.title} ${line.spec} at ${location.name}`,
    zh: `${line.title}（${line.spec}）在${location.name}仅剩 ${left} 件`,
  }
  return new AppError('conflict', message, [{ field: `items/${line.index}/quantity`, message }])
}
