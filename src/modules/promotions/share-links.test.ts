import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { backfillShareLinks } from '../../db/migrations/2026_12_03_021_share_links_everywhere.js'
import type { Client, TestApp } from '../../test/test-app.js'
import { type CheckoutResponse } from '../commerce/orders/test-support.js'
import {
  applyPayment,
  consumers,
  payOrder,
  runningBargains,
  type Ordered,
} from './bargain/test-support.js'
import { openCampaign } from './bulk-buy/test-support.js'
import { flashTestApp, openSession } from './flash-sale/test-support.js'
import type { ShareStats, ShareTarget } from './shared/index.js'
import { orderRow, skuWithProduct } from '../../test/inspect.js'
import { ordersApp } from '../../test/fixtures.js'

// MKT-2: every promotion has a share link (分享链接/二维码) whose visits, orders and paid orders
// are counted — a flash-sale session, a bargain activity and each launched bargain, a bulk-buy
// campaign (team buys: team-seats.test.ts). A payment callback the provider repeats counts once.

const report = async (operator: Client, url: string): Promise<ShareStats> => {
  const answer = await operator.request({ method: 'GET', url: `/api/promotions${url}/report` })
  expect(answer.statusCode, answer.body).toBe(200)
  return answer.json<{ share: ShareStats }>().share
}

const visit = async (visitor: Client, code: string | null): Promise<ShareTarget> => {
  const answer = await visitor.request({ method: 'GET', url: `/api/promotions/shop/share/${code}` })
  expect(answer.statusCode, answer.body).toBe(200)
  return answer.json<ShareTarget>()
}

/** Pays, then replays the provider's word once more: it must change nothing. */
async function payTwice(t: TestApp, ordered: Ordered): Promise<void> {
  await payOrder(t, ordered)
  expect(await applyPayment(t, ordered)).toBe('duplicate')
}

const shareCodeOfOrder = async (t: TestApp, orderId: string) =>
  (await orderRow(t.db, orderId)).share_code

describe('share links for every promotion (MKT-2)', () => {
  it('counts a flash sale visit, the order placed through it and its payment once', async () => {
    const t = await flashTestApp('database')
    const sale = await openSession(t, { stock: 5 })
    const { code } = await report(sale.operator, `/flash-sales/${sale.sessionId}`)
    expect(code).toMatch(/^[a-z2-9]{10}$/)
    const [buyer] = await consumers(t, 1)
    if (!buyer) throw new Error('buyer')

    expect(await visit(buyer, code)).toMatchObject({
      promotionKind: 'flash_sale',
      promotionId: sale.sessionId,
      path: '/h5/flash-sales',
      visits: 1,
    })
    // The code comes with the admission; the hold gives it to the order at checkout.
    const hold = await buyer.request({
      method: 'POST',
      url: `/api/promotions/shop/flash-sales/${sale.sessionId}/admissions?share=${code}`,
      payload: { skuId: sale.skuId, quantity: 1 },
    })
    expect(hold.statusCode, hold.body).toBe(201)
    const checkoutUrl = `/api/promotions/shop/flash-sale-holds/${hold.json<{ id: string }>().id}/checkout`
    const payload = { delivery: 'station_pickup', pickupLocationId: sale.stationId }
    const placed = await buyer.request({ method: 'POST', url: checkoutUrl, payload })
    expect(placed.statusCode, placed.body).toBe(201)
    // A double tap answers the same order and is not a second attributed order.
    expect((await buyer.request({ method: 'POST', url: checkoutUrl, payload })).statusCode).toBe(
      200,
    )
    const body = placed.json<CheckoutResponse>()
    const orderId = body.orders[0]?.id ?? ''
    expect(await shareCodeOfOrder(t, orderId)).toBe(code)
    expect(await report(sale.operator, `/flash-sales/${sale.sessionId}`)).toEqual({
      code,
      visits: 1,
      orders: 1,
      paidOrders: 0,
    })

    await payTwice(t, { ...body, orderId } as unknown as Ordered)
    expect(await report(sale.operator, `/flash-sales/${sale.sessionId}`)).toMatchObject({
      visits: 1,
      orders: 1,
      paidOrders: 1,
    })
  })

  it("credits a bargain activity's link and a launched bargain's link, summed in the report", async () => {
    const t = await ordersApp()
    const { activityId, skuId, storeId, operator } = await runningBargains(t, {
      helpersNeeded: 3,
      perUserLaunchLimit: 1,
      buyBeforeFloor: true,
    })
    const { code: activityCode } = await report(operator, `/bargains/${activityId}`)
    const { productId } = await skuWithProduct(t.db, skuId)
    const [launcher, friend] = await consumers(t, 2)
    if (!launcher || !friend) throw new Error('consumers')

    // The activity's link leads to the product page with the bargain entry.
    expect(await visit(launcher, activityCode)).toMatchObject({
      promotionKind: 'bargain_activity',
      activityId,
      path: `/h5/products/${productId}?bargain=${activityId}`,
    })
    const launchAndBuy = async (buyer: Client, share: string | null) => {
      const launched = await buyer.request({
        method: 'POST',
        url: `/api/promotions/shop/bargain-activities/${activityId}/bargains?share=${share}`,
      })
      expect(launched.statusCode, launched.body).toBe(201)
      const bargain = launched.json<{ id: string; shareCode: string }>()
      const bought = await buyer.request({
        method: 'POST',
        url: `/api/promotions/shop/bargains/${bargain.id}/buy`,
        payload: { delivery: 'store_pickup', pickupLocationId: storeId },
      })
      expect(bought.statusCode, bought.body).toBe(201)
      await payTwice(t, bought.json<Ordered>())
      return { bargain, orderId: bought.json<Ordered>().orderId }
    }
    const mine = await launchAndBuy(launcher, activityCode)
    expect(await shareCodeOfOrder(t, mine.orderId)).toBe(activityCode)

    // The friend follows the launcher's bargain link, then launches and buys their own.
    expect(await visit(friend, mine.bargain.shareCode)).toMatchObject({
      promotionKind: 'bargain',
      promotionId: mine.bargain.id,
      activityId,
      path: `/h5/bargains/${mine.bargain.id}`,
    })
    const theirs = await launchAndBuy(friend, mine.bargain.shareCode)
    expect(await shareCodeOfOrder(t, theirs.orderId)).toBe(mine.bargain.shareCode)
    const links = await t.db
      .selectFrom('share_link')
      .select(['code', 'visits', 'orders', 'paid_orders'])
      .where('code', 'in', [activityCode ?? '', mine.bargain.shareCode])
      .execute()
    const counts = (code: string | null) => links.find((link) => link.code === code)
    // The launcher's order credits the activity's link; the friend's, the launcher's bargain.
    expect(counts(activityCode)).toMatchObject({ visits: 1, orders: 1, paid_orders: 1 })
    expect(counts(mine.bargain.shareCode)).toMatchObject({ visits: 1, orders: 1, paid_orders: 1 })
    expect(await report(operator, `/bargains/${activityId}`)).toEqual({
      code: activityCode,
      visits: 2,
      orders: 2,
      paidOrders: 2,
    })
  })

  it('counts a bulk-buy join through its link once, and ignores an unknown code', async () => {
    const t = await ordersApp()
    const { campaignId, operator } = await openCampaign(t)
    const { code } = await report(operator, `/bulk-buys/${campaignId}`)
    const [buyer, other] = await consumers(t, 2)
    if (!buyer || !other) throw new Error('consumers')
    expect(await visit(buyer, code)).toMatchObject({
      promotionKind: 'bulk_buy',
      path: `/h5/bulk-buys/${campaignId}`,
      visits: 1,
    })
    const join = (client: Client, share: string | null) =>
      client.request({
        method: 'POST',
        url: `/api/promotions/shop/bulk-buys/${campaignId}/orders?share=${share}`,
        payload: { quantity: 1, delivery: 'home' },
      })
    const joined = await join(buyer, code)
    expect(joined.statusCode, joined.body).toBe(201)
    await payTwice(t, joined.json<Ordered>())
    const unknown = await join(other, 'nosuchcode')
    expect(unknown.statusCode, unknown.body).toBe(201)
    expect(await shareCodeOfOrder(t, unknown.json<Ordered>().orderId)).toBeNull()
    expect(await report(operator, `/bulk-buys/${campaignId}`)).toEqual({
      code,
      visits: 1,
      orders: 1,
      paidOrders: 1,
    })
  })

  it('gives a promotion made before share links one, and leaves the others alone', async () => {
    const t = await ordersApp()
    const { campaignId, operator } = await openCampaign(t)
    const kept = await report(operator, `/bulk-buys/${campaignId}`)
    const sale = await openSession(t, { stock: 1 })
    await t.db
      .deleteFrom('share_link')
      .where('promotion_kind', '=', 'flash_sale')
      .where('promotion_id', '=', sale.sessionId)
      .execute()
    expect((await report(operator, `/flash-sales/${sale.sessionId}`)).code).toBeNull()

    await backfillShareLinks(t.db as unknown as Kysely<unknown>)
    expect((await report(operator, `/flash-sales/${sale.sessionId}`)).code).toMatch(/^[a-z2-9]+$/)
    const campaignLinks = await t.db
      .selectFrom('share_link')
      .select('code')
      .where('promotion_kind', '=', 'bulk_buy')
      .where('promotion_id', '=', campaignId)
      .execute()
    expect(campaignLinks).toEqual([{ code: kept.code }])
  })
})
