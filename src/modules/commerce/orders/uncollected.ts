import { userContactsOf } from '../../../platform/accounts/index.js'
import type { Db } from '../../../db/database.js'
import type { PromotionHookRegistry } from './promotion-hooks.js'
import type { Actor } from '../../../platform/http/index.js'
import { enqueueSms } from '../../../platform/notifications/index.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { startRefund } from './order-refunds.js'

// Orders waiting at a store or station (SVC-2): the buyer is texted a reminder after three days
// and refunded in full after seven — goods nobody collects should not hold the buyer's money.

export const REMIND_AFTER_DAYS = 3
export const REFUND_AFTER_DAYS = 7

export async function handleUncollected(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  now: string = nowIso(),
): Promise<{ reminded: number; refunded: number }> {
  const waiting = db
    .selectFrom('shop_order')
    .leftJoin('stock_location as place', 'place.id', 'shop_order.pickup_location_id')
    .selectAll('shop_order')
    .select('place.name as place_name')
    .where('shop_order.status', '=', 'ready_for_pickup')
    .where('shop_order.user_id', 'is not', null)

  const toRemind = await waiting
    .where('shop_order.reminded_at', 'is', null)
    .where('shop_order.ready_at', '<=', addSeconds(now, -REMIND_AFTER_DAYS * 86_400))
    .limit(100)
    .execute()
  const buyers = await userContactsOf(
    db,
    toRemind.map((order) => order.user_id),
  )
  let reminded = 0
  for (const order of toRemind) {
    const phone = buyers.get(order.user_id ?? '')?.phone
    const claimed = await db
      .updateTable('shop_order')
      .set({ reminded_at: now })
      .where('id', '=', order.id)
      .where('reminded_at', 'is', null)
      .executeTakeFirst()
    if (claimed.numUpdatedRows !== 1n || !phone) continue
    await enqueueSms(db, {
      phone,
      template: 'pickup_reminder',
      params: {
        orderNo: order.order_no,
        placeName: order.place_name ?? '',
        days: String(REMIND_AFTER_DAYS),
        pickupCode: order.pickup_code ?? '',
        refundDays: String(REFUND_AFTER_DAYS - REMIND_AFTER_DAYS),
      },
    })
    reminded += 1
  }

  const toRefund = await waiting
    .where('shop_order.ready_at', '<=', addSeconds(now, -REFUND_AFTER_DAYS * 86_400))
    .limit(100)
    .execute()
  for (const order of toRefund) {
    await startRefund(
      db,
      hooks,
      actor,
      order,
      'ready_for_pickup',
      order.total_fen - order.refunded_fen,
      `超过${REFUND_AFTER_DAYS}天未取货，自动退款`,
    )
  }
  return { reminded, refunded: toRefund.length }
}
