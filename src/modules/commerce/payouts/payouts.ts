import type { Db } from '../../../db/database.js'
import { isInScope, OutOfScopeError } from '../../../platform/access/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { shanghaiDate, shanghaiDayStartMs } from '../../../shared/clock.js'
import { invalidField } from '../../../shared/errors.js'
import {
  MAX_PAYOUT_DAYS,
  type PayoutFigures,
  type PayoutQuery,
  type PayoutReport,
} from './payout-schema.js'

// The merchant payouts report (商家结算报表, MKT-1) for a period of Shanghai dates:
// goods sold = items of the shop's orders paid in the period (online and counter sales);
// refunds = its succeeded refunds finished in the period, charged to the goods first and to the
// delivery fee only beyond them; net = goods − goods refunds; of the net, what belongs to
// completed orders is settled (payable), the rest pending (在途) until the goods are collected.
// Delivery fees belong to the logistics alliance and are shown beside, never in the net.

const DAY_MS = 86_400_000

/** The dates of the period, checked: from ≤ to, at most MAX_PAYOUT_DAYS days. */
export function payoutDates(from: string, to: string): string[] {
  const first = Date.parse(`${from}T00:00:00Z`)
  const last = Date.parse(`${to}T00:00:00Z`)
  if (last < first)
    throw invalidField('to', {
      en: 'must not be before from',
      zh: '结束日期不能早于开始日期',
    })
  if ((last - first) / DAY_MS + 1 > MAX_PAYOUT_DAYS)
    throw invalidField('to', {
      en: `at most ${MAX_PAYOUT_DAYS} days from from`,
      zh: `统计期间最长 ${MAX_PAYOUT_DAYS} 天`,
    })
  const dates: string[] = []
  for (let day = first; day <= last; day += DAY_MS)
    dates.push(new Date(day).toISOString().slice(0, 10))
  return dates
}

export interface OrderRefund {
  id: string
  amountFen: number
  finishedAt: string
}

/**
 * Splits an order's succeeded refunds between goods and delivery fee, goods first: a refund
 * reaches the delivery fee only once everything before it and it cover all the goods. Returns
 * each refund's goods part, in fen, by refund id.
 */
export function goodsPartOfRefunds(itemsFen: number, refunds: readonly OrderRefund[]) {
  const sorted = [...refunds].sort(
    (a, b) => a.finishedAt.localeCompare(b.finishedAt) || a.id.localeCompare(b.id),
  )
  const goodsPart = new Map<string, number>()
  let refundedFen = 0
  for (const refund of sorted) {
    const before = Math.min(refundedFen, itemsFen)
    refundedFen += refund.amountFen
    goodsPart.set(refund.id, Math.min(refundedFen, itemsFen) - before)
  }
  return goodsPart
}

const zero = (): PayoutFigures => ({
  paidOrders: 0,
  goodsFen: 0,
  goodsRefundFen: 0,
  netFen: 0,
  settledFen: 0,
  pendingFen: 0,
  deliveryFen: 0,
  deliveryRefundFen: 0,
})

/** One order's sale or refund in the period, from the merchant's side. */
interface Entry {
  date: string
  shopId: string
  paidOrders: number
  goodsFen: number
  goodsRefundFen: number
  deliveryFen: number
  deliveryRefundFen: number
  completed: boolean
}

function add(to: PayoutFigures, entry: Entry): void {
  const netFen = entry.goodsFen - entry.goodsRefundFen
  to.paidOrders += entry.paidOrders
  to.goodsFen += entry.goodsFen
  to.goodsRefundFen += entry.goodsRefundFen
  to.netFen += netFen
  if (entry.completed) to.settledFen += netFen
  else to.pendingFen += netFen
  to.deliveryFen += entry.deliveryFen
  to.deliveryRefundFen += entry.deliveryRefundFen
}

/** The shops the report covers: one (in reach, or a 404), or every shop in reach. */
async function shopsOfReport(db: Db, actor: Actor, shopId: string | undefined) {
  let query = db.selectFrom('shop').select(['id', 'name', 'organization_id'])
  if (shopId !== undefined) {
    const shop = await query.where('id', '=', shopId).executeTakeFirst()
    if (!shop || !isInScope(actor.scope, shop.organization_id))
      throw new OutOfScopeError(
        { en: 'shop', zh: '网店' },
        'shop',
        shopId,
        shop?.organization_id ?? null,
      )
    return [shop]
  }
  if (!actor.scope.county)
    query = query.where('organization_id', 'in', [...actor.scope.organizationIds, ''])
  return query.orderBy('name').orderBy('id').execute()
}

export async function payoutReport(
  db: Db,
  actor: Actor,
  query: PayoutQuery,
): Promise<PayoutReport> {
  const dates = payoutDates(query.from, query.to)
  const start = new Date(shanghaiDayStartMs(query.from)).toISOString()
  const end = new Date(shanghaiDayStartMs(query.to) + DAY_MS).toISOString()
  const shops = await shopsOfReport(db, actor, query.shopId)
  const shopIds = [...shops.map((s) => s.id), '']
  const [paid, refunded] = await Promise.all([
    db
      .selectFrom('shop_order')
      .select(['shop_id', 'items_fen', 'delivery_fen', 'paid_at', 'completed_at'])
      .where('shop_id', 'in', shopIds)
      .where('paid_at', '>=', start)
      .where('paid_at', '<', end)
      .execute(),
    // Every succeeded refund up to the end of the period of the orders refunded in it: the
    // earlier ones decide how much of the goods is left to refund.
    db
      .selectFrom('refund')
      .innerJoin('shop_order', 'shop_order.id', 'refund.order_id')
      .select([
        'refund.id',
        'refund.order_id',
        'refund.amount_fen',
        'refund.finished_at',
        'shop_order.shop_id',
        'shop_order.items_fen',
        'shop_order.completed_at',
      ])
      .where('refund.status', '=', 'succeeded')
      .where('refund.finished_at', '<', end)
      .where('refund.order_id', 'in', (eb) =>
        eb
          .selectFrom('refund as inPeriod')
          .innerJoin('shop_order as refundedOrder', 'refundedOrder.id', 'inPeriod.order_id')
          .select('inPeriod.order_id')
          .where('inPeriod.status', '=', 'succeeded')
          .where('inPeriod.finished_at', '>=', start)
          .where('inPeriod.finished_at', '<', end)
          .where('refundedOrder.shop_id', 'in', shopIds),
      )
      .execute(),
  ])
  const entries: Entry[] = paid.map((order) => ({
    date: shanghaiDate(order.paid_at ?? start),
    shopId: order.shop_id,
    paidOrders: 1,
    goodsFen: order.items_fen,
    goodsRefundFen: 0,
    deliveryFen: order.delivery_fen,
    deliveryRefundFen: 0,
    completed: order.completed_at !== null,
  }))
  for (const orderId of new Set(refunded.map((r) => r.order_id))) {
    const own = refunded.filter((r) => r.order_id === orderId)
    const order = own[0]
    if (!order) continue
    const goodsPart = goodsPartOfRefunds(
      order.items_fen,
      own.map((r) => ({ id: r.id, amountFen: r.amount_fen, finishedAt: r.finished_at ?? '' })),
    )
    for (const refund of own) {
      if (refund.finished_at === null || refund.finished_at < start) continue
      const goodsRefundFen = goodsPart.get(refund.id) ?? 0
      entries.push({
        date: shanghaiDate(refund.finished_at),
        shopId: refund.shop_id,
        paidOrders: 0,
        goodsFen: 0,
        goodsRefundFen,
        deliveryFen: 0,
        deliveryRefundFen: refund.amount_fen - goodsRefundFen,
        completed: order.completed_at !== null,
      })
    }
  }
  const totals = zero()
  const days = new Map(dates.map((date) => [date, { date, ...zero() }]))
  const byShop = new Map(shops.map((s) => [s.id, { shopId: s.id, shopName: s.name, ...zero() }]))
  const touched = new Set<string>(query.shopId === undefined ? [] : [query.shopId])
  for (const entry of entries) {
    add(totals, entry)
    const day = days.get(entry.date)
    if (day) add(day, entry)
    const shop = byShop.get(entry.shopId)
    if (shop) add(shop, entry)
    touched.add(entry.shopId)
  }
  return {
    from: query.from,
    to: query.to,
    shopId: query.shopId ?? null,
    totals,
    days: [...days.values()],
    shops: [...byShop.values()].filter((shop) => touched.has(shop.shopId)),
  }
}
