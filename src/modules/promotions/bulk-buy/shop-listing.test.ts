import { describe, expect, it } from 'vitest'
import { type Client, type TestApp } from '../../../test/test-app.js'
import { consumers, hoursFromNow, payOrder, storeSku } from '../bargain/test-support.js'
import type { CampaignProgress, OpenCampaign } from './schema.js'
import { join, LADDER, type JoinedOrder } from './test-support.js'
import { ordersApp } from '../../../test/fixtures.js'

// SVC-3 团购: the public list of open campaigns, and the detail that knows who is looking.

async function productWithCampaign(
  t: TestApp,
  title: string,
  terms: { startsAt?: string; endsAt?: string; open?: boolean } = {},
) {
  const { skuId, productId, storeId, operator } = await storeSku(t, 5000, title)
  const created = await operator.request({
    method: 'POST',
    url: '/api/promotions/bulk-buys',
    payload: {
      skuId,
      title: `${title}团购`,
      ladder: LADDER,
      minQuantity: 3,
      cap: 20,
      perUserMax: 5,
      startsAt: terms.startsAt ?? hoursFromNow(-1),
      endsAt: terms.endsAt ?? hoursFromNow(2),
      pickupLocationId: storeId,
      pickupDate: '2026-12-04',
      ...(terms.open === undefined ? {} : { open: terms.open }),
    },
  })
  expect(created.statusCode, created.body).toBe(201)
  return { productId, campaignId: created.json<{ id: string }>().id, storeId }
}

const listed = async (t: TestApp, query = '') => {
  const res = await t.app.inject({ url: `/api/promotions/shop/bulk-buys${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ items: OpenCampaign[]; total: number }>()
}

const detailAs = async (t: TestApp, campaignId: string, viewer?: Client) => {
  const url = `/api/promotions/shop/bulk-buys/${campaignId}`
  const res = viewer ? await viewer.request({ url }) : await t.app.inject({ url })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<CampaignProgress>()
}

describe('团购 public list and viewer (SVC-3)', () => {
  it('lists open campaigns in their window, soonest ending first, with the exact progress line', async () => {
    const t = await ordersApp()
    const later = await productWithCampaign(t, '五台莜面', { endsAt: hoursFromNow(5) })
    const sooner = await productWithCampaign(t, '五台黄小米', { endsAt: hoursFromNow(1) })
    await productWithCampaign(t, '台蘑', { open: false })
    await productWithCampaign(t, '胡麻油', { startsAt: hoursFromNow(1), endsAt: hoursFromNow(3) })
    const [buyer] = (await consumers(t, 1)) as [Client]
    const joined = await join(sooner.campaignId, buyer, 2)
    expect(joined.statusCode, joined.body).toBe(201)
    await payOrder(t, joined.json<JoinedOrder>())

    const all = await listed(t)
    expect(all.total).toBe(2)
    expect(all.items.map((item) => item.id)).toEqual([sooner.campaignId, later.campaignId])
    const detail = await detailAs(t, sooner.campaignId)
    expect(all.items[0]).toEqual({
      id: sooner.campaignId,
      title: '五台黄小米团购',
      skuId: expect.any(String) as string,
      productId: sooner.productId,
      productTitle: '五台黄小米',
      spec: '2.5kg',
      currentPriceFen: 4500,
      text: '已团 2 件，再 1 件降到 ¥40.00',
      left: 18,
      pickupLocationId: sooner.storeId,
      pickupStoreName: expect.any(String) as string,
      pickupDate: '2026-12-04',
      endsAt: detail.endsAt,
    })
    expect(all.items[0]?.text).toBe(detail.text)

    const oats = await listed(t, `?productId=${later.productId}`)
    expect(oats.items.map((item) => item.productTitle)).toEqual(['五台莜面'])
  })

  it('shows the product, the limits and what the viewer bought and may still buy', async () => {
    const t = await ordersApp()
    const { campaignId } = await productWithCampaign(t, '五台黄小米')
    const [buyer, neighbour] = (await consumers(t, 2)) as [Client, Client]
    const joined = await join(campaignId, buyer, 3)
    expect(joined.statusCode, joined.body).toBe(201)
    await payOrder(t, joined.json<JoinedOrder>())

    const mine = await detailAs(t, campaignId, buyer)
    expect([mine.productTitle, mine.spec, mine.perUserMax, mine.capQuantity]).toEqual([
      '五台黄小米',
      '2.5kg',
      5,
      20,
    ])
    expect(mine.viewer).toEqual({ paidQuantity: 3, canBuyQuantity: 2 })
    expect((await detailAs(t, campaignId, neighbour)).viewer).toEqual({
      paidQuantity: 0,
      canBuyQuantity: 5,
    })
    expect((await detailAs(t, campaignId)).viewer).toBeNull()
  })
})
