import { describe, expect, it } from 'vitest'
import { systemActor } from '../../../platform/http/index.js'
import { runPaymentRound } from '../../commerce/index.js'
import { type Client, type TestApp } from '../../../test/test-app.js'
import { consumers, hoursFromNow, payOrder, refundsOf } from '../bargain/test-support.js'
import { settleBulkCampaigns } from './settle-campaigns.js'
import { campaignRow, join, openCampaign, type JoinedOrder } from './test-support.js'
import { orderRow, orderStatusHistory } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

// SVC-3 团购: buyers' own refunds during a campaign and the automatic refunds at its close
// meet on the same orders. Tiers: ¥45.00 from 0, ¥40.00 from 3, ¥35.00 from 5 units paid.

async function joinAndPay(t: TestApp, campaignId: string, buyer: Client, quantity: number) {
  const joined = await join(campaignId, buyer, quantity)
  expect(joined.statusCode, joined.body).toBe(201)
  await payOrder(t, joined.json<JoinedOrder>())
  return joined.json<JoinedOrder>()
}

async function finishRefunds(t: TestApp): Promise<void> {
  await runPaymentRound(t.db, t.promotionHooks, t.payments.provider, t.payments.notifyUrl)
  await t.payments.localGateway?.notifier.deliverDue()
}

const orderOf = async (t: TestApp, id: string) => {
  const { status, total_fen, refunded_fen } = await orderRow(t.db, id)
  return { status, total_fen, refunded_fen }
}

describe('团购 refunds before and at the close', () => {
  it('stops counting an order the buyer cancels before the close: the final tier is set without it', async () => {
    const t = await ordersApp()
    const { campaignId } = await openCampaign(t)
    const [a, b, c] = await consumers(t, 3)
    if (!a || !b || !c) throw new Error('consumers')
    const first = await joinAndPay(t, campaignId, a, 2)
    const second = await joinAndPay(t, campaignId, b, 2)
    const third = await joinAndPay(t, campaignId, c, 1)
    expect((await campaignRow(t, campaignId)).paid_quantity).toBe(5)

    const cancelled = await c.request({
      method: 'POST',
      url: `/api/commerce/shop/orders/${third.orderId}/cancel`,
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    // 4 units left: the ¥35.00 tier is no longer reached, and c may buy again.
    expect((await campaignRow(t, campaignId)).paid_quantity).toBe(4)
    expect((await join(campaignId, c, 5)).statusCode).toBe(201)

    await settleBulkCampaigns(t.db, t.promotionHooks, systemActor('test'), hoursFromNow(3))
    expect(await campaignRow(t, campaignId)).toMatchObject({
      status: 'settled',
      paid_quantity: 4,
      final_price_fen: 4000,
    })
    const refunds = await refundsOf(t, [first.orderId, second.orderId, third.orderId])
    const byOrder = new Map(refunds.map((r) => [r.order_id, r.amount_fen]))
    expect(byOrder.get(first.orderId)).toBe(1000)
    expect(byOrder.get(second.orderId)).toBe(1000)
    // c's own cancellation, in full, and nothing more at the close.
    expect(refunds.filter((r) => r.order_id === third.orderId)).toHaveLength(1)
    expect(byOrder.get(third.orderId)).toBe(third.payment.amountFen)
  })

  it('adds the close refund to an after-sales refund still under way, and settles the order once both are back', async () => {
    const t = await ordersApp()
    const { campaignId, merchant } = await openCampaign(t)
    const [a, b, c] = await consumers(t, 3)
    if (!a || !b || !c) throw new Error('consumers')
    const first = await joinAndPay(t, campaignId, a, 2)
    await joinAndPay(t, campaignId, b, 2)
    await joinAndPay(t, campaignId, c, 1)

    const asked = await a.request({
      method: 'POST',
      url: `/api/commerce/shop/orders/${first.orderId}/after-sales`,
      payload: { kind: 'refund_only', amountFen: 300, reason: '一袋包装破损' },
    })
    expect(asked.statusCode, asked.body).toBe(201)
    const approved = await merchant.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${asked.json<{ id: string }>().id}/respond`,
      payload: { decision: 'approve' },
    })
    expect(approved.statusCode, approved.body).toBe(200)
    expect((await orderOf(t, first.orderId)).status).toBe('refunding')

    // The close comes while the ¥3.00 is still with the provider: a is owed (45 − 35) × 2.
    await settleBulkCampaigns(t.db, t.promotionHooks, systemActor('test'), hoursFromNow(3))
    const refunds = await refundsOf(t, [first.orderId])
    expect(refunds.map((r) => r.amount_fen).sort((x, y) => x - y)).toEqual([300, 2000])

    await finishRefunds(t)
    // Back where it was (waiting at the pickup store) only when the second refund came back.
    expect(await orderOf(t, first.orderId)).toMatchObject({
      status: 'ready_for_pickup',
      refunded_fen: 2300,
    })
    const history = await orderStatusHistory(t.db, first.orderId)
    expect(history.slice(-2)).toEqual(['refunding', 'ready_for_pickup'])
    expect((await refundsOf(t, [first.orderId])).map((r) => r.status)).toEqual([
      'succeeded',
      'succeeded',
    ])
  })
})

describe('团购 ended early by the operator', () => {
  it('takes no more orders and settles from what was paid, like a campaign at its planned end', async () => {
    const t = await ordersApp()
    const { campaignId, operator, merchant } = await openCampaign(t)
    const [a, b, late] = await consumers(t, 3)
    if (!a || !b || !late) throw new Error('consumers')
    const first = await joinAndPay(t, campaignId, a, 2)
    await joinAndPay(t, campaignId, b, 1)
    const close = (client: Client) =>
      client.request({ method: 'POST', url: `/api/promotions/bulk-buys/${campaignId}/close` })

    expect((await close(merchant)).statusCode).toBe(403)
    const closed = await close(operator)
    expect(closed.statusCode, closed.body).toBe(200)
    expect(Date.parse(closed.json<{ endsAt: string }>().endsAt)).toBeLessThanOrEqual(Date.now())
    expect((await join(campaignId, late, 1)).statusCode).toBe(409)
    expect((await close(operator)).json()).toMatchObject({
      status: 409,
      errors: [{ field: 'status' }],
    })

    expect(await settleBulkCampaigns(t.db, t.promotionHooks, systemActor('test'))).toMatchObject({
      settled: 1,
    })
    // 3 units paid: the ¥40.00 tier; a paid ¥45.00 × 2.
    expect(await campaignRow(t, campaignId)).toMatchObject({
      status: 'settled',
      final_price_fen: 4000,
    })
    expect((await refundsOf(t, [first.orderId])).map((r) => r.amount_fen)).toEqual([1000])
  })
})
