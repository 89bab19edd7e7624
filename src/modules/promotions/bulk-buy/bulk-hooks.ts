import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { releaseBuyerUnits, takeBuyerUnits, transitionBulkOrder } from './bulk-orders.js'
import type { BulkOrderTable } from './schema.js'
import type { PromotionHooks, ShopOrderTable } from '../../commerce/index.js'
import { countedHooks } from '../share-links/index.js'

// What a campaign hears from commerce, inside the payment callback's or the expiry's
// transaction. The campaign row is updated before the order's link (as at settlement), so a
// payment racing the close is either counted before it or refused after it, never lost.

/** The order was paid: count its units, or answer 'refund' when they cannot be counted. */
export async function bulkOrderPaid(
  db: Db,
  actor: Actor,
  order: ShopOrderTable,
): Promise<'keep' | 'refund'> {
  const link = await linkOf(db, order)
  if (!link) return 'refund'
  if (link.status === 'held') {
    // Its units were reserved under the cap: they become paid while the campaign runs.
    const counted = await db
      .updateTable('bulk_campaign')
      .set((eb) => ({
        paid_quantity: eb('paid_quantity', '+', link.quantity),
        reserved_quantity: eb('reserved_quantity', '-', link.quantity),
      }))
      .where('id', '=', link.campaign_id)
      .where('status', 'in', ['open', 'paused'])
      .where('reserved_quantity', '>=', link.quantity)
      .executeTakeFirst()
    if (counted.numUpdatedRows === 1n) {
      await transitionBulkOrder(db, actor, link, 'held', 'paid')
      return 'keep'
    }
    await unreserve(db, link)
    return refuse(db, actor, link, 'held', 'campaign closed before the payment')
  }
  if (link.status === 'released') {
    // Paid after the window lapsed: counted only while the campaign is open with room left.
    const counted = await db
      .updateTable('bulk_campaign')
      .set((eb) => ({ paid_quantity: eb('paid_quantity', '+', link.quantity) }))
      .where('id', '=', link.campaign_id)
      .where('status', '=', 'open')
      .where((eb) =>
        eb(
          eb(eb('paid_quantity', '+', eb.ref('reserved_quantity')), '+', link.quantity),
          '<=',
          eb.ref('cap'),
        ),
      )
      .executeTakeFirst()
    if (counted.numUpdatedRows === 1n) {
      const max = await db
        .selectFrom('bulk_campaign')
        .select('per_user_max')
        .where('id', '=', link.campaign_id)
        .executeTakeFirstOrThrow()
      if (
        await takeBuyerUnits(db, link.campaign_id, link.user_id, link.quantity, max.per_user_max)
      ) {
        await transitionBulkOrder(db, actor, link, 'released', 'paid', {
          note: 'paid after the window, room left',
        })
        return 'keep'
      }
      await db
        .updateTable('bulk_campaign')
        .set((eb) => ({ paid_quantity: eb('paid_quantity', '-', link.quantity) }))
        .where('id', '=', link.campaign_id)
        .execute()
    }
    await transitionBulkOrder(db, actor, link, 'released', 'refunded', {
      note: 'late payment, no room',
    })
    return 'refund'
  }
  // Paid, settled or refunded already: an order is counted once.
  return 'refund'
}

/** The unpaid order lapsed: its reserved units go back under the cap and the buyer's maximum. */
export async function bulkOrderCancelled(
  db: Db,
  actor: Actor,
  order: ShopOrderTable,
): Promise<void> {
  const link = await linkOf(db, order)
  if (link?.status !== 'held') return
  await unreserve(db, link)
  if (
    await transitionBulkOrder(db, actor, link, 'held', 'released', {
      note: 'payment window lapsed',
    })
  )
    await releaseBuyerUnits(db, link)
}

/**
 * A paid order was refunded in full while the campaign runs (after-sales, the buyer cancelling):
 * its units stop counting toward the tier and the buyer's maximum. After the close it is left as
 * settled: the final tier was fixed from what was paid then.
 */
export async function bulkOrderRefundedInFull(
  db: Db,
  actor: Actor,
  order: ShopOrderTable,
): Promise<void> {
  const link = await linkOf(db, order)
  if (link?.status !== 'paid') return
  const uncounted = await db
    .updateTable('bulk_campaign')
    .set((eb) => ({ paid_quantity: eb('paid_quantity', '-', link.quantity) }))
    .where('id', '=', link.campaign_id)
    .where('status', 'in', ['open', 'paused'])
    .where('paid_quantity', '>=', link.quantity)
    .executeTakeFirst()
  if (uncounted.numUpdatedRows !== 1n) return
  if (
    await transitionBulkOrder(db, actor, link, 'paid', 'refunded', {
      note: 'refunded in full before the close',
    })
  )
    await releaseBuyerUnits(db, link)
}

async function unreserve(db: Db, link: BulkOrderTable): Promise<void> {
  await db
    .updateTable('bulk_campaign')
    .set((eb) => ({ reserved_quantity: eb('reserved_quantity', '-', link.quantity) }))
    .where('id', '=', link.campaign_id)
    .where('reserved_quantity', '>=', link.quantity)
    .execute()
}

async function refuse(
  db: Db,
  actor: Actor,
  link: BulkOrderTable,
  from: 'held',
  note: string,
): Promise<'refund'> {
  if (await transitionBulkOrder(db, actor, link, from, 'refunded', { note }))
    await releaseBuyerUnits(db, link)
  return 'refund'
}

const linkOf = (db: Db, order: ShopOrderTable) =>
  db
    .selectFrom('bulk_order')
    .selectAll()
    .where('id', '=', order.promotion_id ?? '')
    .where('order_id', '=', order.id)
    .executeTakeFirst()

/** What commerce tells 团购 about its orders, in the payment's, refund's or expiry's transaction. */
export const bulkBuyHooks = (): PromotionHooks =>
  countedHooks({
    paid: bulkOrderPaid,
    refundedInFull: bulkOrderRefundedInFull,
    cancelled: bulkOrderCancelled,
  })
