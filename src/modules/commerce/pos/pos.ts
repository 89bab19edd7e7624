import type { Db } from '../../../db/database.js'
import { isInScope } from '../../../platform/access/index.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError, invalidField } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { newOrderNumber, type CounterSaleBody } from '../orders/index.js'
import { reserveStock, sellReservedStock } from '../stock/index.js'

// A sale at an O2O store's counter (SVC-1, SVC-2): the same order model as online orders —
// channel `pos`, delivery `counter` — so the store's stock and its local share (KPI-5) count
// both. Paid on the spot (cash or the store's own QR code), so it is completed at once.

export async function recordCounterSale(
  db: Db,
  actor: Actor,
  sale: CounterSaleBody,
): Promise<string[]> {
  const store = await db
    .selectFrom('stock_location')
    .select(['id', 'name', 'organization_id'])
    .where('id', '=', sale.locationId)
    .where('kind', '=', 'store')
    .executeTakeFirst()
  if (!store || !isInScope(actor.scope, store.organization_id))
    throw invalidField('locationId', { en: 'not your store', zh: '不是您所在的门店' })
  const skus = await db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .select([
      'sku.id',
      'sku.spec',
      'sku.price_fen',
      'product.id as product_id',
      'product.title',
      'product.local_kind',
      'product.shop_id',
    ])
    .where('sku.id', 'in', [...sale.items.map((i) => i.skuId), ''])
    .execute()
  const now = nowIso()
  const byShop = new Map<string, { skuId: string; quantity: number; index: number }[]>()
  sale.items.forEach((item, index) => {
    const sku = skus.find((s) => s.id === item.skuId)
    if (!sku) throw invalidField(`items/${index}/skuId`, { en: 'no such item', zh: '商品不存在' })
    byShop.set(sku.shop_id, [...(byShop.get(sku.shop_id) ?? []), { ...item, index }])
  })
  const orderIds: string[] = []
  for (const [shopId, items] of byShop) {
    const orderId = newId()
    const lines = items.map((item) => {
      const sku = skus.find((s) => s.id === item.skuId)
      if (!sku) throw new Error('unreachable')
      return { item, sku, lineFen: sku.price_fen * item.quantity }
    })
    const totalFen = lines.reduce((sum, l) => sum + l.lineFen, 0)
    await db
      .insertInto('shop_order')
      .values({
        id: orderId,
        order_no: newOrderNumber(now),
        payment_id: null,
        user_id: null,
        shop_id: shopId,
        channel: 'pos',
        location_id: store.id,
        delivery: 'counter',
        pickup_location_id: store.id,
        address_json: null,
        status: 'completed',
        items_fen: totalFen,
        delivery_fen: 0,
        total_fen: totalFen,
        refunded_fen: 0,
        pickup_code: null,
        note: `paid with ${sale.paidWith}`,
        payment_deadline: null,
        paid_at: now,
        ready_at: now,
        completed_at: now,
        cancelled_at: null,
        cancel_reason: null,
        reminded_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    for (const { item, sku, lineFen } of lines) {
      await db
        .insertInto('order_line')
        .values({
          id: newId(),
          order_id: orderId,
          sku_id: sku.id,
          product_id: sku.product_id,
          title: sku.title,
          spec: sku.spec,
          local_kind: sku.local_kind,
          unit_price_fen: sku.price_fen,
          quantity: item.quantity,
          line_fen: lineFen,
        })
        .execute()
      const change = { skuId: sku.id, locationId: store.id, quantity: item.quantity, orderId }
      if (!(await reserveStock(db, change))) {
        const message = { en: `not enough ${sku.title} on the shelf`, zh: `${sku.title}库存不足` }
        throw new AppError('conflict', message, [
          { field: `items/${item.index}/quantity`, message },
        ])
      }
      await sellReservedStock(db, change)
    }
    await db
      .insertInto('order_event')
      .values({
        id: newId(),
        order_id: orderId,
        from_status: null,
        to_status: 'completed',
        actor_user_id: actor.principal?.userId ?? null,
        note: `counter sale, paid with ${sale.paidWith}`,
        at: now,
      })
      .execute()
    await recordAudit(db, actor, {
      action: 'order.pos_sale',
      entityType: 'order',
      entityId: orderId,
      organizationId: store.organization_id,
      after: { totalFen, paidWith: sale.paidWith },
    })
    orderIds.push(orderId)
  }
  return orderIds
}
