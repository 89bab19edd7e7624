import { describe, expect, it } from 'vitest'
import { systemActor } from '../../../platform/http/index.js'
import { runPaymentRound } from '../../commerce/index.js'
import {
  applyPayment,
  consumers,
  hoursFromNow,
  payOrder,
  refundsOf,
} from '../bargain/test-support.js'
import type { CampaignProgress } from './schema.js'
import { settleBulkCampaigns } from './settle-campaigns.js'
import { campaignRow, join, openCampaign, type JoinedOrder } from './test-support.js'
import { orderRow } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

describe('团购 tiered bulk purchase', () => {
  it('charges the current tier and shows exact progress to the next one', async () => {
    const t = await ordersApp()
    const { campaignId, storeId } = await openCampaign(t)
    const [buyer] = await consumers(t, 1)
    if (!buyer) throw new Error('consumers')
    const joined = await join(campaignId, buyer, 2)
    expect(joined.statusCode, joined.body).toBe(201)
    const order = joined.json<JoinedOrder>()
    expect(order.unitPriceFen).toBe(4500)
    // Store pickup at the campaign's store, whatever the buyer asked: no delivery fee.
    expect(order.payment.amountFen).toBe(9000)
    const placed = await orderRow(t.db, order.orderId)
    expect({
      delivery: placed.delivery,
      pickup_location_id: placed.pickup_location_id,
      promotion_kind: placed.promotion_kind,
    }).toEqual({
      delivery: 'store_pickup',
      pickup_location_id: storeId,
      promotion_kind: 'bulk_buy',
    })
    await payOrder(t, order)
    const progress = (
      await t.app.inject({ method: 'GET', url: `/api/promotions/shop/bulk-buys/${campaignId}` })
    ).json<CampaignProgress>()
    expect(progress).toMatchObject({
      paidQuantity: 2,
      currentPriceFen: 4500,
      unitsToNextTier: 1,
      unitsToMinimum: 1,
      text: '已团 2 件，再 1 件降到 ¥40.00',
    })
  })

  it('returns the units of a lapsed order to the campaign and the buyer', async () => {
    const t = await ordersApp()
    const { campaignId } = await openCampaign(t, { cap: 4, perUserMax: 4 })
    const [buyer, other] = await consumers(t, 2)
    if (!buyer || !other) throw new Error('consumers')
    expect((await join(campaignId, buyer, 4)).statusCode).toBe(201)
    expect((await join(campaignId, other, 1)).statusCode).toBe(409)
    await runPaymentRound(
      t.db,
      t.promotionHooks,
      t.payments.provider,
      t.payments.notifyUrl,
      new Date(Date.now() + 16 * 60_000).toISOString(),
    )
    expect(await campaignRow(t, campaignId)).toMatchObject({
      paid_quantity: 0,
      reserved_quantity: 0,
    })
    expect((await join(campaignId, buyer, 4)).statusCode).toBe(201)
  })

  it('counts a payment that arrives after its window while there is room, and refunds one when there is none', async () => {
    const t = await ordersApp()
    const { campaignId } = await openCampaign(t, { cap: 3, perUserMax: 3 })
    const [early, late] = await consumers(t, 2)
    if (!early || !late) throw new Error('consumers')
    const first = (await join(campaignId, early, 2)).json<JoinedOrder>()
    await runPaymentRound(
      t.db,
      t.promotionHooks,
      t.payments.provider,
      t.payments.notifyUrl,
      new Date(Date.now() + 16 * 60_000).toISOString(),
    )
    expect(await applyPayment(t, first)).toBe('paid-after-expiry')
    expect(await campaignRow(t, campaignId)).toMatchObject({ paid_quantity: 2 })
    const second = (await join(campaignId, late, 1)).json<JoinedOrder>()
    await runPaymentRound(
      t.db,
      t.promotionHooks,
      t.payments.provider,
      t.payments.notifyUrl,
      new Date(Date.now() + 16 * 60_000).toISOString(),
    )
    // Someone else takes the last unit meanwhile: the late payment finds no room.
    const [third] = await consumers(t, 1)
    if (!third) throw new Error('consumers')
    const taken = (await join(campaignId, third, 1)).json<JoinedOrder>()
    await payOrder(t, taken)
    await applyPayment(t, second)
    expect(await campaignRow(t, campaignId)).toMatchObject({ paid_quantity: 3 })
    expect(await refundsOf(t, [second.orderId])).toEqual([
      { order_id: second.orderId, amount_fen: 4500, status: expect.any(String) as string },
    ])
  })

  it('refunds each payer the difference to the final tier exactly once, however often the close runs', async () => {
    const t = await ordersApp()
    const { campaignId } = await openCampaign(t)
    const [a, b, c, d] = await consumers(t, 4)
    if (!a || !b || !c || !d) throw new Error('consumers')
    const orders: JoinedOrder[] = []
    for (const [buyer, quantity] of [
      [a, 2],
      [b, 2],
      [c, 1],
      [d, 1],
    ] as const) {
      const joined = await join(campaignId, buyer, quantity)
      expect(joined.statusCode, joined.body).toBe(201)
      orders.push(joined.json<JoinedOrder>())
      await payOrder(t, joined.json<JoinedOrder>())
    }
    // a and b paid ¥45.00 (0–2 paid before them), c ¥40.00 (4 paid), d ¥35.00 (5 paid).
    expect(orders.map((o) => o.unitPriceFen)).toEqual([4500, 4500, 4000, 3500])

    const actor = systemActor('test')
    expect(
      (await settleBulkCampaigns(t.db, t.promotionHooks, actor, hoursFromNow(1))).settled,
    ).toBe(0)
    const rounds = await Promise.all([
      settleBulkCampaigns(t.db, t.promotionHooks, actor, hoursFromNow(3)),
      settleBulkCampaigns(t.db, t.promotionHooks, actor, hoursFromNow(3)),
    ])
    rounds.push(await settleBulkCampaigns(t.db, t.promotionHooks, actor, hoursFromNow(4)))
    expect(rounds.reduce((sum, round) => sum + round.settled, 0)).toBe(1)
    expect(rounds.reduce((sum, round) => sum + round.refundsStarted, 0)).toBe(3)
    expect(await campaignRow(t, campaignId)).toMatchObject({
      status: 'settled',
      paid_quantity: 6,
      final_price_fen: 3500,
    })
    const refunds = await refundsOf(
      t,
      orders.map((o) => o.orderId),
    )
    const byOrder = new Map(refunds.map((r) => [r.order_id, r.amount_fen]))
    expect(refunds).toHaveLength(3)
    expect(byOrder.get(orders[0]?.orderId ?? '')).toBe(2000)
    expect(byOrder.get(orders[1]?.orderId ?? '')).toBe(2000)
    expect(byOrder.get(orders[2]?.orderId ?? '')).toBe(500)
    // Nothing owed to d: no refund row at all.
    expect(byOrder.has(orders[3]?.orderId ?? '')).toBe(false)
  })

  it('refunds everyone in full exactly once when the minimum is not reached', async () => {
    const t = await ordersApp()
    const { campaignId } = await openCampaign(t, { minQuantity: 10 })
    const buyers = await consumers(t, 3)
    const orders: JoinedOrder[] = []
    for (const buyer of buyers) {
      const joined = await join(campaignId, buyer, 2)
      expect(joined.statusCode, joined.body).toBe(201)
      orders.push(joined.json<JoinedOrder>())
      await payOrder(t, joined.json<JoinedOrder>())
    }
    const actor = systemActor('test')
    const rounds = await Promise.all(
      Array.from({ length: 3 }, () =>
        settleBulkCampaigns(t.db, t.promotionHooks, actor, hoursFromNow(3)),
      ),
    )
    rounds.push(await settleBulkCampaigns(t.db, t.promotionHooks, actor, hoursFromNow(5)))
    expect(rounds.reduce((sum, round) => sum + round.failed, 0)).toBe(1)
    expect(await campaignRow(t, campaignId)).toMatchObject({
      status: 'failed',
      final_price_fen: null,
    })
    const refunds = await refundsOf(
      t,
      orders.map((o) => o.orderId),
    )
    expect(refunds).toHaveLength(3)
    expect(new Set(refunds.map((r) => r.order_id)).size).toBe(3)
    // In full, whatever tier each paid (the third joined at ¥40.00 × 2).
    expect(refunds.map((r) => r.amount_fen).sort()).toEqual(
      orders.map((o) => o.payment.amountFen).sort(),
    )
    expect(orders.map((o) => o.payment.amountFen)).toEqual([9000, 9000, 8000])
  })

  it('waits for orders still inside their payment window before settling, within the grace', async () => {
    const t = await ordersApp()
    const { campaignId } = await openCampaign(t, { minQuantity: 1 })
    const [buyer] = await consumers(t, 1)
    if (!buyer) throw new Error('consumers')
    expect((await join(campaignId, buyer, 1)).statusCode).toBe(201)
    const actor = systemActor('test')
    const closeRow = await campaignRow(t, campaignId)
    const justAfter = new Date(Date.parse(closeRow.ends_at) + 60_000).toISOString()
    expect(await settleBulkCampaigns(t.db, t.promotionHooks, actor, justAfter)).toMatchObject({
      settled: 0,
      failed: 0,
    })
    const afterGrace = new Date(Date.parse(closeRow.ends_at) + 16 * 60_000).toISOString()
    expect(await settleBulkCampaigns(t.db, t.promotionHooks, actor, afterGrace)).toMatchObject({
      failed: 1,
    })
  })
})
