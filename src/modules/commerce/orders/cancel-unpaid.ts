import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { markPaymentClosed, type PaymentTable } from '../payments/index.js'
import { transitionOrder } from './order-status.js'
import { linesOf, ordersOf } from './order-rows.js'
import type { PromotionHookRegistry } from './promotion-hooks.js'
import { releaseStock } from '../stock/index.js'

/**
 * A payment the provider has closed unpaid: its orders are cancelled and their stock released.
 * False when a payment callback settled it first.
 */
export async function cancelUnpaidPayment(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  payment: Pick<PaymentTable, 'id'>,
  reason: string,
): Promise<boolean> {
  if (!(await markPaymentClosed(db, payment.id))) return false
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
    await hooks.of(order)?.cancelled(db, actor, order)
  }
  return true
}
