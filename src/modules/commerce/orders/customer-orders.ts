import type { Db } from '../../../db/database.js'
import { type Actor, type Page, pageWindow } from '../../../platform/http/index.js'
import { AppError, notFound } from '../../../shared/errors.js'
import type { Order, OrderListQuery } from './order-schema.js'
import type { ShopOrderTable } from './order-tables.js'
import { toOrders } from './order-views.js'
import { startRefund } from './order-refunds.js'
import { assertPromotionAllowsRefund, type PromotionHookRegistry } from './promotion-hooks.js'

// A consumer's own orders. Anyone else's order is "not found", never "forbidden".

export async function listMyOrders(
  db: Db,
  userId: string,
  query: OrderListQuery,
): Promise<Page<Order>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = db.selectFrom('shop_order').where('user_id', '=', userId)
  if (query.status) base = base.where('status', '=', query.status)
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return { items: await toOrders(db, rows, { showPickupCode: true }), total, page, pageSize }
}

export async function myOrderRow(db: Db, userId: string, id: string): Promise<ShopOrderTable> {
  const row = await db
    .selectFrom('shop_order')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) throw notFound({ en: 'order', zh: '订单' }, id)
  return row
}

export async function getMyOrder(db: Db, userId: string, id: string): Promise<Order> {
  const [order] = await toOrders(db, [await myOrderRow(db, userId, id)], { showPickupCode: true })
  return order as Order
}

/**
 * A paid order the buyer has not collected yet is refunded in full on request (未取货可直接退款);
 * unpaid orders are cancelled through their payment (see order-expiry.ts).
 */
export async function refundUncollected(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  order: ShopOrderTable,
  reason: string,
): Promise<void> {
  if (order.status !== 'paid' && order.status !== 'ready_for_pickup')
    throw new AppError('conflict', {
      en: 'only an order not yet collected or shipped can be cancelled; ask for after-sales instead',
      zh: '订单已发货或已取货，无法直接取消，请申请售后',
    })
  await assertPromotionAllowsRefund(db, hooks, order)
  await startRefund(
    db,
    hooks,
    actor,
    order,
    order.status,
    order.total_fen - order.refunded_fen,
    reason,
  )
}
