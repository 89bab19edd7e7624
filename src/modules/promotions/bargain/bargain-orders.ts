import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict, notFound } from '../../../shared/errors.js'
import { findActivity } from './activities.js'
import { findBargain } from './bargains.js'
import { transitionBargain } from './bargain-states.js'
import type { BargainTable, BuyBody } from './schema.js'
import {
  checkout,
  payFreeOrder,
  type PromotionHookRegistry,
  type PromotionHooks,
  PAYMENT_WINDOW_S,
  type ShopOrderTable,
} from '../../commerce/index.js'
import { attributeOrder, countedHooks } from '../share-links/index.js'

// Buying at the current price: the order goes through commerce's checkout at that price; one
// unit of the activity's stock is held for it and the bargain takes no more help meanwhile. The
// payment makes the bargain `bought`; a lapsed order frees the bargain and returns the unit.
// Rows are locked in one order everywhere: stock, then bargain, then activity.

export interface BargainOrder {
  paymentId: string
  orderId: string
}

export async function buyBargain(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  userId: string,
  provider: string,
  bargainId: string,
  body: BuyBody,
  shareCode?: string,
  now: string = nowIso(),
): Promise<BargainOrder> {
  const bargain = await findBargain(db, bargainId)
  if (bargain.launcher_user_id !== userId) throw notFound({ en: 'bargain', zh: '砍价' }, bargainId)
  const activity = await findActivity(db, bargain.activity_id)
  if (!canBuy(bargain, activity.buy_before_floor === 1, now))
    throw conflict(
      bargain.status === 'open' && bargain.order_id === null && bargain.expires_at > now
        ? { en: 'keep inviting friends: buying needs the floor price', zh: '砍到底价才能购买' }
        : { en: 'this bargain cannot be bought now', zh: '该砍价已下单、已购买或已结束' },
      'bargainId',
    )
  const secondsLeft = Math.floor((Date.parse(bargain.expires_at) - Date.parse(now)) / 1000)
  const placed = await checkout(db, actor, userId, provider, {
    items: [{ skuId: activity.sku_id, quantity: 1 }],
    delivery: body.delivery,
    ...(body.addressId === undefined ? {} : { addressId: body.addressId }),
    ...(body.pickupLocationId === undefined ? {} : { pickupLocationId: body.pickupLocationId }),
    ...(body.note === undefined ? {} : { note: body.note }),
    promotion: {
      kind: 'bargain',
      id: bargain.id,
      unitPriceFen: bargain.current_price_fen,
      paymentWindowS: Math.max(60, Math.min(PAYMENT_WINDOW_S, secondsLeft)),
      shareCode: await attributeOrder(db, shareCode ?? bargain.share_code),
    },
  })
  const orderId = placed.orderIds[0] ?? ''
  // At the price we read: a help landing meanwhile makes this a 409 and rolls the order back.
  const held = await db
    .updateTable('bargain')
    .set({ order_id: orderId, updated_at: now })
    .where('id', '=', bargain.id)
    .where('order_id', 'is', null)
    .where('status', '=', bargain.status)
    .where('helps_done', '=', bargain.helps_done)
    .executeTakeFirst()
  if (held.numUpdatedRows !== 1n)
    throw conflict(
      { en: 'the bargain changed meanwhile, try again', zh: '砍价进度已变化，请重试' },
      'bargainId',
    )
  if (!(await takeActivityUnit(db, activity.id)))
    throw conflict({ en: 'sold out', zh: '砍价商品已抢光' }, 'bargainId')
  // Cut to a ¥0 floor and collected in store: nothing to pay, bought at once.
  if (placed.amountFen === 0) await payFreeOrder(db, hooks, actor, placed)
  await recordAudit(db, actor, {
    action: 'bargain.ordered',
    entityType: 'bargain',
    entityId: bargain.id,
    organizationId: null,
    after: { orderId, priceFen: bargain.current_price_fen, helpsDone: bargain.helps_done },
  })
  return { paymentId: placed.paymentId, orderId }
}

export const canBuy = (bargain: BargainTable, buyBeforeFloor: boolean, now: string) =>
  bargain.order_id === null &&
  bargain.expires_at > now &&
  (bargain.status === 'floor_reached' || (bargain.status === 'open' && buyBeforeFloor))

/** The bargain's order was paid: bought, or 'refund' when it no longer can be. */
export async function bargainPaid(
  db: Db,
  actor: Actor,
  order: ShopOrderTable,
): Promise<'keep' | 'refund'> {
  const bargain = await bargainOf(db, order)
  if (!bargain || (bargain.status !== 'open' && bargain.status !== 'floor_reached')) return 'refund'
  if (bargain.order_id === order.id) {
    const bought = await transitionBargain(db, actor, bargain.id, bargain.status, 'bought', {
      orderId: order.id,
      set: { finished_at: nowIso() },
      after: { orderId: order.id },
    })
    return bought ? 'keep' : 'refund'
  }
  // Paid after its window lapsed (the unit went back): kept while the bargain is still free, at
  // the price paid, and a unit is left.
  if (
    bargain.order_id !== null ||
    bargain.expires_at <= nowIso() ||
    order.items_fen !== bargain.current_price_fen
  )
    return 'refund'
  if (!(await takeActivityUnit(db, bargain.activity_id))) return 'refund'
  const bought = await transitionBargain(db, actor, bargain.id, bargain.status, 'bought', {
    orderId: null,
    set: { order_id: order.id, finished_at: nowIso() },
    note: 'paid after the window, still free',
  })
  if (bought) return 'keep'
  await returnActivityUnit(db, bargain.activity_id)
  return 'refund'
}

/** The bargain's unpaid order lapsed: the bargain is free again and the unit goes back. */
export async function bargainOrderCancelled(
  db: Db,
  actor: Actor,
  order: ShopOrderTable,
): Promise<void> {
  const bargain = await bargainOf(db, order)
  if (bargain?.order_id !== order.id) return
  const freed = await db
    .updateTable('bargain')
    .set({ order_id: null, updated_at: nowIso() })
    .where('id', '=', bargain.id)
    .where('order_id', '=', order.id)
    .where('status', 'in', ['open', 'floor_reached'])
    .executeTakeFirst()
  if (freed.numUpdatedRows !== 1n) return
  await returnActivityUnit(db, bargain.activity_id)
  await recordAudit(db, actor, {
    action: 'bargain.order_lapsed',
    entityType: 'bargain',
    entityId: bargain.id,
    organizationId: null,
    after: { orderId: order.id },
  })
}

async function takeActivityUnit(db: Db, activityId: string): Promise<boolean> {
  const result = await db
    .updateTable('bargain_activity')
    .set((eb) => ({ stock_taken: eb('stock_taken', '+', 1) }))
    .where('id', '=', activityId)
    .whereRef('stock_taken', '<', 'stock')
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

async function returnActivityUnit(db: Db, activityId: string): Promise<void> {
  await db
    .updateTable('bargain_activity')
    .set((eb) => ({ stock_taken: eb('stock_taken', '-', 1) }))
    .where('id', '=', activityId)
    .where('stock_taken', '>=', 1)
    .execute()
}

const bargainOf = (db: Db, order: ShopOrderTable) =>
  db
    .selectFrom('bargain')
    .selectAll()
    .where('id', '=', order.promotion_id ?? '')
    .executeTakeFirst()

/** What commerce tells 砍价 about its orders, in the payment's or the expiry's transaction. */
export const bargainHooks = (): PromotionHooks =>
  countedHooks({ paid: bargainPaid, cancelled: bargainOrderCancelled })
