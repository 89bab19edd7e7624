import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/test-app.js'
import { runPaymentRound } from '../wiring/index.js'
import type { PayoutReport } from './payout-schema.js'
import { goodsPartOfRefunds } from './payouts.js'
import { placeAndPay, sellableSku, signInCustomer } from '../orders/test-support.js'
import { auditEntries } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

// MKT-1: the merchant payouts report — goods, refunds, net, settled and pending by Shanghai day.

const MARCH = 'from=2026-03-01&to=2026-03-31'

describe('merchant payouts report (MKT-1)', () => {
  it('adds up goods, refunds, net, settled and pending by Shanghai day, for the merchant’s own shop only', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId, shopId, merchant } = await sellableSku(t, {
      priceFen: 3000,
      stock: 10,
      locationId: places.storeId,
    })
    const buyer = await signInCustomer(t, '13800007171')
    const pickUp = { skuId, delivery: 'store_pickup', pickupLocationId: places.storeId }
    const collected = (await placeAndPay(t, buyer, { ...pickUp, quantity: 2 })).orderId
    const waiting = (await placeAndPay(t, buyer, { ...pickUp, quantity: 1 })).orderId

    // The first is collected at the store: completed, so its goods are payable.
    const { pickupCode } = (
      await buyer.request({ method: 'GET', url: `/api/commerce/shop/orders/${collected}` })
    ).json<{ pickupCode: string }>()
    const clerk = await t.logIn('store')
    const handedOver = await clerk.request({
      method: 'POST',
      url: '/api/commerce/pickups/hand-over',
      payload: { locationId: places.storeId, code: pickupCode },
    })
    expect(handedOver.statusCode, handedOver.body).toBe(200)
    // The second waits at the store; ¥10.00 of it is refunded after a complaint.
    const asked = await buyer.request({
      method: 'POST',
      url: `/api/commerce/shop/orders/${waiting}/after-sales`,
      payload: { kind: 'refund_only', amountFen: 1000, reason: '一袋受潮' },
    })
    expect(asked.statusCode, asked.body).toBe(201)
    const approved = await merchant.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${asked.json<{ id: string }>().id}/respond`,
      payload: { decision: 'approve' },
    })
    expect(approved.statusCode, approved.body).toBe(200)
    await runPaymentRound(t.db, t.promotionHooks, t.payments.provider, t.payments.notifyUrl)
    await t.payments.localGateway?.notifier.deliverDue()

    // Fixed instants: 02:00 UTC is 10:00 on 10 March in Shanghai; 16:30 UTC is 00:30 the next day.
    const at = (orderId: string, paidAt: string) =>
      t.db.updateTable('shop_order').set({ paid_at: paidAt }).where('id', '=', orderId).execute()
    await at(collected, '2026-03-10T02:00:00.000Z')
    await at(waiting, '2026-03-10T16:30:00.000Z')
    await t.db
      .updateTable('refund')
      .set({ finished_at: '2026-03-12T03:00:00.000Z' })
      .where('order_id', '=', waiting)
      .where('status', '=', 'succeeded')
      .execute()

    const read = async (url: string) => {
      const response = await merchant.request({ method: 'GET', url })
      expect(response.statusCode, response.body).toBe(200)
      return response.json<PayoutReport>()
    }
    const report = await read(`/api/commerce/payouts?${MARCH}`)
    const expected = {
      paidOrders: 2,
      goodsFen: 9000,
      goodsRefundFen: 1000,
      netFen: 8000,
      settledFen: 6000,
      pendingFen: 2000,
      deliveryFen: 0,
      deliveryRefundFen: 0,
    }
    expect(report.totals).toEqual(expected)
    expect(report.shops).toEqual([expect.objectContaining({ shopId, ...expected })])
    expect(report.days).toHaveLength(31)
    const day = (date: string) => report.days.find((d) => d.date === date)
    expect(day('2026-03-10')).toMatchObject({ goodsFen: 6000, settledFen: 6000, pendingFen: 0 })
    expect(day('2026-03-11')).toMatchObject({ goodsFen: 3000, settledFen: 0, pendingFen: 3000 })
    expect(day('2026-03-12')).toMatchObject({
      goodsFen: 0,
      goodsRefundFen: 1000,
      netFen: -1000,
      pendingFen: -1000,
    })
    // The days add up to the totals.
    expect(report.days.reduce((sum, d) => sum + d.netFen, 0)).toBe(report.totals.netFen)

    // The day boundary: the order paid at 16:30 UTC on the 10th is not the 10th's.
    const tenth = await read(`/api/commerce/payouts?from=2026-03-10&to=2026-03-10&shopId=${shopId}`)
    expect(tenth.totals).toMatchObject({ paidOrders: 1, goodsFen: 6000, netFen: 6000 })
    // The refund alone, in the period it was made: charged to the goods, not double counted.
    const twelfth = await read(`/api/commerce/payouts?from=2026-03-12&to=2026-03-12`)
    expect(twelfth.totals).toMatchObject({ paidOrders: 0, goodsRefundFen: 1000, netFen: -1000 })

    // The Excel download carries the same totals, in yuan.
    const download = await merchant.request({
      method: 'GET',
      url: `/api/commerce/payouts.xlsx?${MARCH}`,
    })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('商家结算'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('按日')
    const rows: unknown[][] = []
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    const header = rows.find((row) => row[0] === '日期') ?? []
    const totals = rows.find((row) => row[0] === '合计') ?? []
    const cell = (name: string) => totals[header.indexOf(name)]
    expect(cell('付款订单数')).toBe(report.totals.paidOrders)
    expect(cell('商品金额（元）')).toBe(report.totals.goodsFen / 100)
    expect(cell('商品退款（元）')).toBe(report.totals.goodsRefundFen / 100)
    expect(cell('应结净额（元）')).toBe(report.totals.netFen / 100)
    expect(cell('已完成可结算（元）')).toBe(report.totals.settledFen / 100)
    expect(cell('在途（元）')).toBe(report.totals.pendingFen / 100)
    expect(rows.filter((row) => /^\d{4}-\d{2}-\d{2}$/.test(String(row[0])))).toHaveLength(31)

    // Another merchant asking for this shop is told it does not exist, and the attempt is audited.
    const other = await t.logIn('merchant2')
    for (const url of [
      `/api/commerce/payouts?${MARCH}&shopId=${shopId}`,
      `/api/commerce/payouts.xlsx?${MARCH}&shopId=${shopId}`,
    ])
      expect((await other.request({ method: 'GET', url })).statusCode).toBe(404)
    const denied = await auditEntries(t.db, { entityId: shopId })
    expect(denied.map((d) => d.action)).toContain('access.denied')
    // Its own report leaves this shop out.
    const own = (
      await other.request({ method: 'GET', url: `/api/commerce/payouts?${MARCH}` })
    ).json<PayoutReport>()
    expect(own.totals.goodsFen).toBe(0)
    expect(own.shops).toEqual([])
    // The operating company sees every shop.
    const operator = await t.logIn('operator')
    const county = (
      await operator.request({ method: 'GET', url: `/api/commerce/payouts?${MARCH}` })
    ).json<PayoutReport>()
    expect(county.shops).toContainEqual(expect.objectContaining({ shopId, ...expected }))
  })

  it('refuses a period that is backwards, too long or not a date, naming the field', async () => {
    const t = await buildTestApp({ demo: false, accounts: ['merchant'] })
    const merchant = await t.logIn('merchant')
    const ask = (query: string) =>
      merchant.request({ method: 'GET', url: `/api/commerce/payouts?${query}` })
    const backwards = await ask('from=2026-03-31&to=2026-03-01')
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json()).toMatchObject({
      errors: [{ field: 'to', messageZh: '结束日期不能早于开始日期' }],
    })
    expect((await ask('from=2025-01-01&to=2026-01-02')).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'to' }],
    })
    expect((await ask('from=2025-01-01&to=2026-01-01')).statusCode).toBe(200) // 366 days
    const notADate = await ask('from=2026-3-1&to=2026-03-31')
    expect(notADate.statusCode).toBe(400)
    expect(notADate.json<{ errors: { field: string }[] }>().errors[0]?.field).toContain('from')
  })

  it('charges refunds to the goods first and to the delivery fee only beyond them', () => {
    const refunds = [
      { id: 'b', amountFen: 2500, finishedAt: '2026-03-12T00:00:00.000Z' },
      { id: 'a', amountFen: 1000, finishedAt: '2026-03-11T00:00:00.000Z' },
    ]
    // ¥30.00 of goods and ¥5.00 delivery, refunded ¥10.00 and then the remaining ¥25.00.
    expect(goodsPartOfRefunds(3000, refunds)).toEqual(
      new Map([
        ['a', 1000],
        ['b', 2000],
      ]),
    )
    expect(goodsPartOfRefunds(3000, [{ id: 'x', amountFen: 3500, finishedAt: '' }])).toEqual(
      new Map([['x', 3000]]),
    )
  })
})
