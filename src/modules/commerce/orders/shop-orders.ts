import type { Db } from '../../../db/database.js'
import { isInScope, OutOfScopeError } from '../../../platform/access/index.js'
import { type Actor, type Page, pageWindow } from '../../../platform/http/index.js'
import { AppError, invalidField } from '../../../shared/errors.js'
import type { Order, OrderListQuery } from './order-schema.js'
import { handParcelOver } from './order-shipping.js'
import { transitionOrder } from './order-status.js'
import { toOrders } from './order-views.js'

// Orders as merchants, stores and operators see them: a merchant its own shop's, a store clerk
// the orders to be picked up at the store, operators all. Pickup codes are the buyer's secret.

/** The orders in the caller's reach matching the filter (not yet paged or sorted). */
function ordersInReach(db: Db, actor: Actor, query: OrderListQuery) {
  let base = db
    .selectFrom('shop_order')
    .innerJoin('shop', 'shop.id', 'shop_order.shop_id')
    .leftJoin('stock_location as pickup', 'pickup.id', 'shop_order.pickup_location_id')
  if (!actor.scope.county) {
    const reach = [...actor.scope.organizationIds, '']
    base = base.where((eb) =>
      eb.or([eb('shop.organization_id', 'in', reach), eb('pickup.organization_id', 'in', reach)]),
    )
  }
  if (query.status) base = base.where('shop_order.status', '=', query.status)
  if (query.shopId) base = base.where('shop_order.shop_id', '=', query.shopId)
  if (query.q) base = base.where('shop_order.order_no', 'like', `%${query.q}%`)
  return base
}

export async function listShopOrders(
  db: Db,
  actor: Actor,
  query: OrderListQuery,
): Promise<Page<Order>> {
  const { page, pageSize, offset } = pageWindow(query)
  const base = ordersInReach(db, actor, query)
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll('shop_order')
      .orderBy('shop_order.created_at', 'desc')
      .orderBy('shop_order.id', 'desc')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return { items: await toOrders(db, rows, { showPickupCode: false }), total, page, pageSize }
}

/** Every matching order for a download, newest first, up to `limit`. */
export async function exportShopOrders(
  db: Db,
  actor: Actor,
  query: OrderListQuery,
  limit: number,
): Promise<Order[]> {
  const rows = await ordersInReach(db, actor, query)
    .selectAll('shop_order')
    .orderBy('shop_order.created_at', 'desc')
    .orderBy('shop_order.id', 'desc')
    .limit(limit)
    .execute()
  return toOrders(db, rows, { showPickupCode: false })
}

export async function getShopOrder(db: Db, actor: Actor, id: string): Promise<Order> {
  const row = await db
    .selectFrom('shop_order')
    .innerJoin('shop', 'shop.id', 'shop_order.shop_id')
    .leftJoin('stock_location as pickup', 'pickup.id', 'shop_order.pickup_location_id')
    .selectAll('shop_order')
    .select(['shop.organization_id as shop_org', 'pickup.organization_id as pickup_org'])
    .where('shop_order.id', '=', id)
    .executeTakeFirst()
  if (!row || !(isInScope(actor.scope, row.shop_org) || isInScope(actor.scope, row.pickup_org)))
    throw new OutOfScopeError({ en: 'order', zh: '订单' }, 'order', id, row?.shop_org ?? null)
  const [order] = await toOrders(db, [row], { showPickupCode: false })
  return order as Order
}

/** A clerk at the pickup point types (or scans) the buyer's code and hands the goods over. */
export async function handOverAtPickup(
  db: Db,
  actor: Actor,
  body: { locationId: string; code: string },
): Promise<string> {
  const location = await db
    .selectFrom('stock_location')
    .select(['id', 'organization_id'])
    .where('id', '=', body.locationId)
    .executeTakeFirst()
  if (!location || !isInScope(actor.scope, location.organization_id))
    throw invalidField('locationId', { en: 'not your pickup point', zh: '不是您所在的自提点' })
  const order = await db
    .selectFrom('shop_order')
    .selectAll()
    .where('pickup_location_id', '=', location.id)
    .where('pickup_code', '=', body.code)
    .where('status', '=', 'ready_for_pickup')
    .executeTakeFirst()
  if (!order)
    throw new AppError(
      'not_found',
      {
        en: 'no order waits here under this code',
        zh: '该取货码没有待取的订单，请核对',
      },
      [{ field: 'code', message: { en: 'unknown or used code', zh: '取货码无效或已使用' } }],
    )
  await transitionOrder(db, actor, order, 'ready_for_pickup', 'completed', {
    note: 'picked up',
    organizationId: location.organization_id,
    set: { completed_at: new Date().toISOString() },
  })
  await handParcelOver(db, actor, order)
  return order.id
}
