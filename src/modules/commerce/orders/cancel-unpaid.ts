import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import type { PaymentTable } from './order-tables.js'
import { transitionOrder } from './order-status.js'
import { linesOf, ordersOf } from './order-rows.js'
import { promotionHooksOf } from './promotion-hooks.js'
import { releaseStock } from './stock.js'

/**
 * A payment the provider has closed unpaid: its orders are cancelled and their stock released.
 * False when a payment callback settled it first.
 */
export async function cancelUnpaidPayment(
  db: Db,
  actor: Actor,
  payment: Pick<PaymentTable, 'id'>,
  reason: string,
): Promise<boolean> {
  const closed = await db
    .updateTable('payment')
    .set({ status: 'closed', closed_at: nowIso() })
    .where('id', '=', payment.id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  if (closed.numUpdatedRows !== 1n) return false
  for (const order of await ordersOf(db, payment.id)) {
    if (order.status !== 'created') continue
    await transitionOrder(db, actor, order, 'created', 'cancelled', {
      note: reason,
      set: { cancelled_at: nowIso(), cancel_reason: reason },
    })
    for (const line of await linesOf(db, order.id)) {
      await releaseStock(db, {
        skuId: line.sku_id,
        locationId: order.location_id,
        quantity: line.quantity,
        orderId: order.id,
      })
    }
    await promotionHooksOf(order)?.cancelled(db, actor, order)
  }
  return true
}
