import { describe, expect, it } from 'vitest'
import { type Client, type TestApp } from '../../../test/test-app.js'
import type { BargainProgress, RunningBargainActivity } from './schema.js'
import { consumers, hoursFromNow, storeSku } from './test-support.js'
import { ordersApp } from '../../../test/fixtures.js'

// SVC-3 砍价: the public list of running activities, and progress that knows who is looking.

async function productWithActivity(
  t: TestApp,
  title: string,
  window: { startsAt: string; endsAt: string } = {
    startsAt: hoursFromNow(-1),
    endsAt: hoursFromNow(48),
  },
) {
  const { skuId, productId, operator } = await storeSku(t, 12_900, title)
  const created = await operator.request({
    method: 'POST',
    url: '/api/promotions/bargains',
    payload: {
      skuId,
      title: `${title}砍价`,
      originalPriceFen: 12_900,
      floorPriceFen: 3_000,
      helpersNeeded: 3,
      stock: 5,
      perUserLaunchLimit: 1,
      helperDailyQuota: 3,
      buyBeforeFloor: true,
      ...window,
    },
  })
  expect(created.statusCode, created.body).toBe(201)
  return { productId, activityId: created.json<{ id: string }>().id, operator }
}

const listed = async (t: TestApp, query = '') => {
  const res = await t.app.inject({ url: `/api/promotions/shop/bargain-activities${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ items: RunningBargainActivity[]; total: number }>()
}

const progressAs = async (t: TestApp, bargainId: string, viewer?: Client) => {
  const url = `/api/promotions/shop/bargains/${bargainId}`
  const res = viewer ? await viewer.request({ url }) : await t.app.inject({ url })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<BargainProgress>()
}

describe('砍价 public list and viewer (SVC-3)', () => {
  it('lists only running activities with stock left, filtered by product, with titles', async () => {
    const t = await ordersApp()
    const millet = await productWithActivity(t, '五台黄小米')
    const oats = await productWithActivity(t, '五台莜面')
    const paused = await productWithActivity(t, '台蘑')
    await paused.operator.request({
      method: 'POST',
      url: `/api/promotions/bargains/${paused.activityId}/status`,
      payload: { status: 'paused' },
    })
    await productWithActivity(t, '胡麻油', { startsAt: hoursFromNow(2), endsAt: hoursFromNow(48) })
    const soldOut = await productWithActivity(t, '荞面')
    await t.db
      .updateTable('bargain_activity')
      .set((eb) => ({ stock_taken: eb.ref('stock') }))
      .where('id', '=', soldOut.activityId)
      .execute()

    const all = await listed(t)
    expect(all.items.map((item) => item.productTitle).sort()).toEqual(['五台莜面', '五台黄小米'])
    expect(all.total).toBe(2)

    const only = await listed(t, `?productId=${millet.productId}`)
    expect(only.items).toEqual([
      {
        id: millet.activityId,
        title: '五台黄小米砍价',
        skuId: expect.any(String) as string,
        productId: millet.productId,
        productTitle: '五台黄小米',
        spec: '2.5kg',
        originalPriceFen: 12_900,
        floorPriceFen: 3_000,
        helpersNeeded: 3,
        durationS: 86_400,
        stockLeft: 5,
        buyBeforeFloor: true,
        endsAt: expect.any(String) as string,
      },
    ])
    expect((await listed(t, `?productId=${oats.productId}&pageSize=1&page=2`)).items).toEqual([])
    const bad = await t.app.inject({ url: '/api/promotions/shop/bargain-activities?page=0' })
    expect(bad.statusCode).toBe(400)
  })

  it('tells the launcher, a friend who helped, a stranger and a signed-out visitor apart', async () => {
    const t = await ordersApp()
    const { activityId } = await productWithActivity(t, '五台黄小米')
    const [launcher, friend, stranger] = (await consumers(t, 3)) as [Client, Client, Client]
    const launched = await launcher.request({
      method: 'POST',
      url: `/api/promotions/shop/bargain-activities/${activityId}/bargains`,
    })
    expect(launched.statusCode, launched.body).toBe(201)
    const bargain = launched.json<BargainProgress>()
    expect(bargain.viewer).toEqual({ isLauncher: true, helped: false, cutFen: null })
    expect([bargain.productTitle, bargain.spec]).toEqual(['五台黄小米', '2.5kg'])

    const helped = await friend.request({
      method: 'POST',
      url: `/api/promotions/shop/bargains/${bargain.id}/help`,
    })
    expect(helped.statusCode, helped.body).toBe(200)
    const { cutFen } = helped.json<{ cutFen: number }>()

    expect((await progressAs(t, bargain.id, friend)).viewer).toEqual({
      isLauncher: false,
      helped: true,
      cutFen,
    })
    expect((await progressAs(t, bargain.id, stranger)).viewer).toEqual({
      isLauncher: false,
      helped: false,
      cutFen: null,
    })
    expect((await progressAs(t, bargain.id, launcher)).viewer?.isLauncher).toBe(true)
    const signedOut = await progressAs(t, bargain.id)
    expect(signedOut.viewer).toBeNull()
    expect(signedOut.productTitle).toBe('五台黄小米')
  })
})
