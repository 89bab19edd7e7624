import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { holdGone, myHold, readmitHold, releaseHold } from './holds.js'
import type { HoldCheckoutBody } from './schema.js'
import { transitionHold } from './session-status.js'
import type { FlashSaleContext } from './sessions.js'
import { checkout, paymentIdOfOrder, type PromotionHooks } from '../../commerce/index.js'
import { attributeOrder, countedHooks } from '../share-links/index.js'

// From a hold to an order, once: the first call claims the hold (held → ordered) and checks out
// at the sale price; every later call — a double tap, a retry after a lost answer — gets the
// same payment back. The order's payment window ends when the hold's does.

export async function checkoutHold(
  db: Db,
  actor: Actor,
  userId: string,
  provider: string,
  holdId: string,
  body: HoldCheckoutBody,
  shareCode?: string,
  now = nowIso(),
): Promise<{ paymentId: string; created: boolean }> {
  // The claim is a compare-and-set, so concurrent calls queue on the hold's row (PostgreSQL) or
  // the single writer (SQLite): one checks out, the others find its order.
  const claimed = await db
    .updateTable('flash_hold')
    .set({ status: 'ordered', updated_at: now })
    .where('id', '=', holdId)
    .where('user_id', '=', userId)
    .where('status', '=', 'held')
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst()
  if (!claimed) {
    const hold = await myHold(db, userId, holdId)
    if ((hold.status !== 'ordered' && hold.status !== 'paid') || hold.order_id === null)
      throw holdGone(hold)
    const paymentId = await paymentIdOfOrder(db, hold.order_id)
    await recordAudit(db, actor, {
      action: 'flash_hold.checkout_repeated',
      entityType: 'flash_hold',
      entityId: hold.id,
      organizationId: null,
    })
    return { paymentId: paymentId ?? '', created: false }
  }
  const sku = await db
    .selectFrom('flash_sku')
    .innerJoin('flash_session', 'flash_session.id', 'flash_sku.session_id')
    .select(['flash_sku.sale_price_fen'])
    .where('flash_sku.session_id', '=', claimed.session_id)
    .where('flash_sku.sku_id', '=', claimed.sku_id)
    .executeTakeFirstOrThrow()
  const result = await checkout(db, actor, userId, provider, {
    items: [{ skuId: claimed.sku_id, quantity: claimed.quantity }],
    delivery: body.delivery,
    ...(body.addressId === undefined ? {} : { addressId: body.addressId }),
    ...(body.pickupLocationId === undefined ? {} : { pickupLocationId: body.pickupLocationId }),
    ...(body.note === undefined ? {} : { note: body.note }),
    promotion: {
      kind: 'flash_sale',
      id: claimed.id,
      unitPriceFen: sku.sale_price_fen,
      paymentWindowS: Math.max(
        1,
        Math.ceil((Date.parse(claimed.expires_at) - Date.parse(now)) / 1000),
      ),
      // Counted here, with the order, not at admission: a hold never ordered is no order.
      shareCode: await attributeOrder(db, shareCode ?? claimed.share_code),
    },
  })
  const orderId = result.orderIds[0] ?? ''
  await db
    .updateTable('flash_hold')
    .set({ order_id: orderId })
    .where('id', '=', claimed.id)
    .execute()
  await recordAudit(db, actor, {
    action: 'flash_hold.ordered',
    entityType: 'flash_hold',
    entityId: claimed.id,
    organizationId: null,
    before: { status: 'held' },
    after: { status: 'ordered', orderId, paymentId: result.paymentId },
  })
  return { paymentId: result.paymentId, created: true }
}

/** What commerce tells the flash sale about its orders, in the payment's own transaction. */
export const flashSaleHooks = (context: FlashSaleContext): PromotionHooks =>
  countedHooks(flashSaleOrderHooks(context))

function flashSaleOrderHooks(context: FlashSaleContext): PromotionHooks {
  const holdOf = (db: Db, orderId: string) =>
    db.selectFrom('flash_hold').selectAll().where('order_id', '=', orderId).executeTakeFirst()
  return {
    async paid(db, actor, order, late) {
      const hold = await holdOf(db, order.id)
      if (!hold) return 'keep'
      if (!late) {
        await transitionHold(db, actor, hold, 'ordered', 'paid')
        return 'keep'
      }
      // The order was cancelled and the unit went back: take it again, or refund.
      if (hold.status === 'released' && (await readmitHold(db, context, hold))) {
        await transitionHold(db, actor, hold, 'released', 'paid', {}, 'paid after the window')
        return 'keep'
      }
      await transitionHold(db, actor, hold, 'released', 'refunded', {}, 'paid late, sold out')
      return 'refund'
    },
    // Money that came after the window when even the warehouse had no unit left is refunded by
    // commerce before the sale is asked: the released hold is marked refunded, for the report.
    async refundedInFull(db, actor, order) {
      const hold = await holdOf(db, order.id)
      if (hold?.status === 'released')
        await transitionHold(db, actor, hold, 'released', 'refunded', {}, 'paid late, no stock')
    },
    async cancelled(db, actor, order) {
      const hold = await holdOf(db, order.id)
      if (hold) await releaseHold(db, actor, context, hold, 'ordered', '订单未支付已取消')
    },
  }
}
