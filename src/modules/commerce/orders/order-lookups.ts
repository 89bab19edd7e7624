import type { Db } from '../../../db/database.js'
import type { PromotionKind, ShopOrderTable } from './order-tables.js'

// Reads of orders and payments for the promotions that placed them, taking the caller's
// transaction: orders by id, an order's payment, when a payment was paid, paid-order totals.

/** The orders that exist among `orderIds`, by id. */
export async function ordersById(
  db: Db,
  orderIds: readonly string[],
): Promise<Map<string, ShopOrderTable>> {
  const rows = await db
    .selectFrom('shop_order')
    .selectAll()
    .where('id', 'in', [...orderIds, ''])
    .execute()
  return new Map(rows.map((row) => [row.id, row]))
}

/** The payment of an order (null while it has none); throws when there is no such order. */
export async function paymentIdOfOrder(db: Db, orderId: string): Promise<string | null> {
  const order = await db
    .selectFrom('shop_order')
    .select('payment_id')
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow()
  return order.payment_id
}

/** When the provider says the payment was paid: null when unpaid or unknown. */
export async function paymentPaidAt(db: Db, paymentId: string): Promise<string | null> {
  const payment = await db
    .selectFrom('payment')
    .select('paid_at')
    .where('id', '=', paymentId)
    .executeTakeFirst()
  return payment?.paid_at ?? null
}

/** Whether the user has ever paid for an order. */
export async function hasPaidOrder(db: Db, userId: string): Promise<boolean> {
  const paid = await db
    .selectFrom('shop_order')
    .select('id')
    .where('user_id', '=', userId)
    .where('paid_at', 'is not', null)
    .executeTakeFirst()
  return paid !== undefined
}

/** How many paid orders the promotions `promotionIds` of one kind brought, and their total. */
export async function paidPromotionOrders(
  db: Db,
  kind: PromotionKind,
  promotionIds: readonly string[],
): Promise<{ orders: number; totalFen: number }> {
  const paid = await db
    .selectFrom('shop_order')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('orders'),
      eb.fn.coalesce(eb.fn.sum<number | string>('total_fen'), eb.lit(0)).as('fen'),
    ])
    .where('promotion_kind', '=', kind)
    .where('promotion_id', 'in', [...promotionIds, ''])
    .where('paid_at', 'is not', null)
    .executeTakeFirstOrThrow()
  return { orders: Number(paid.orders), totalFen: Number(paid.fen) }
}
