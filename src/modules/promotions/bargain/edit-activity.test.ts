import { describe, expect, it } from 'vitest'
import { type TestApp } from '../../../test/test-app.js'
import type { BargainActivity } from './schema.js'
import { FLOOR_FEN, ORIGINAL_FEN, hoursFromNow, runningBargains, storeSku } from './test-support.js'
import { auditEntries, skuWithProduct } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

// SVC-3 (砍价): an operator corrects a bargain activity's terms until it starts; after
// that buyers may hold bargains under the old terms, so the terms stay as they are.

async function activityStartingTomorrow(t: TestApp) {
  const { skuId, operator } = await storeSku(t)
  const terms = {
    skuId,
    title: '黄小米砍价',
    originalPriceFen: ORIGINAL_FEN,
    floorPriceFen: FLOOR_FEN,
    helpersNeeded: 5,
    stock: 10,
    perUserLaunchLimit: 2,
    helperDailyQuota: 3,
    buyBeforeFloor: false,
    startsAt: hoursFromNow(24),
    endsAt: hoursFromNow(24 * 7),
  }
  const created = await operator.request({
    method: 'POST',
    url: '/api/promotions/bargains',
    payload: terms,
  })
  expect(created.statusCode, created.body).toBe(201)
  return { activityId: created.json<{ id: string }>().id, terms, operator }
}

const fieldsOf = (body: string) =>
  (JSON.parse(body) as { errors?: { field: string }[] }).errors?.map((e) => e.field)

describe('editing a bargain activity', () => {
  it('replaces the terms of an activity that has not started, and audits before and after', async () => {
    const t = await ordersApp()
    const { activityId, terms, operator } = await activityStartingTomorrow(t)
    const edited = await operator.request({
      method: 'PUT',
      url: `/api/promotions/bargains/${activityId}`,
      payload: { ...terms, title: '黄小米砍价（改）', floorPriceFen: 2_500 },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json<BargainActivity>()).toMatchObject({
      title: '黄小米砍价（改）',
      floorPriceFen: 2_500,
      status: 'active',
    })
    const listed = await operator.request({ method: 'GET', url: '/api/promotions/bargains' })
    expect(listed.json<BargainActivity[]>()[0]).toMatchObject({ floorPriceFen: 2_500 })
    const [audit] = await auditEntries(t.db, {
      entityId: activityId,
      action: 'bargain_activity.updated',
    })
    expect(JSON.parse(audit?.before_json ?? '{}')).toMatchObject({ floorPriceFen: FLOOR_FEN })
    expect(JSON.parse(audit?.after_json ?? '{}')).toMatchObject({ floorPriceFen: 2_500 })
  })

  it('refuses a started activity with 409 naming startsAt', async () => {
    const t = await ordersApp()
    const { activityId, skuId, operator } = await runningBargains(t)
    const edited = await operator.request({
      method: 'PUT',
      url: `/api/promotions/bargains/${activityId}`,
      payload: {
        skuId,
        title: '改价',
        originalPriceFen: ORIGINAL_FEN,
        floorPriceFen: 100,
        helpersNeeded: 5,
        stock: 10,
        perUserLaunchLimit: 2,
        helperDailyQuota: 3,
        buyBeforeFloor: false,
        startsAt: hoursFromNow(1),
        endsAt: hoursFromNow(48),
      },
    })
    expect(edited.statusCode, edited.body).toBe(409)
    expect(fieldsOf(edited.body)).toEqual(['startsAt'])
    const listed = await operator.request({ method: 'GET', url: '/api/promotions/bargains' })
    expect(listed.json<BargainActivity[]>()[0]).toMatchObject({ floorPriceFen: FLOOR_FEN })
  })

  it('checks the terms as on create: 400 naming the field', async () => {
    const t = await ordersApp()
    const { activityId, terms, operator } = await activityStartingTomorrow(t)
    const put = (payload: object) =>
      operator.request({ method: 'PUT', url: `/api/promotions/bargains/${activityId}`, payload })
    const aboveOriginal = await put({ ...terms, floorPriceFen: ORIGINAL_FEN })
    expect(aboveOriginal.statusCode).toBe(400)
    expect(fieldsOf(aboveOriginal.body)).toEqual(['floorPriceFen'])
    const backwards = await put({ ...terms, endsAt: hoursFromNow(1) })
    expect(backwards.statusCode).toBe(400)
    expect(fieldsOf(backwards.body)).toEqual(['endsAt'])
  })

  it('refuses an activity ended before its start with 409 naming status', async () => {
    const t = await ordersApp()
    const { activityId, terms, operator } = await activityStartingTomorrow(t)
    const ended = await operator.request({
      method: 'POST',
      url: `/api/promotions/bargains/${activityId}/status`,
      payload: { status: 'ended' },
    })
    expect(ended.statusCode, ended.body).toBe(200)
    const edited = await operator.request({
      method: 'PUT',
      url: `/api/promotions/bargains/${activityId}`,
      payload: { ...terms, title: '已结束' },
    })
    expect(edited.statusCode).toBe(409)
    expect(fieldsOf(edited.body)).toEqual(['status'])
    expect(edited.json<{ detailZh: string }>().detailZh).toMatch(/活动已结束/)
  })

  it('names the product and SKU the activity sells, for the edit form', async () => {
    const t = await ordersApp()
    const { terms, operator } = await activityStartingTomorrow(t)
    const label = await operator.request({
      method: 'GET',
      url: `/api/promotions/skus/${terms.skuId}/label`,
    })
    expect(label.statusCode, label.body).toBe(200)
    const sku = await skuWithProduct(t.db, terms.skuId)
    expect(label.json()).toEqual({
      productId: sku.productId,
      productTitle: sku.title,
      spec: sku.spec,
    })
    const unknown = await operator.request({
      method: 'GET',
      url: '/api/promotions/skus/00000000-0000-4000-8000-000000000000/label',
    })
    expect(unknown.statusCode).toBe(404)
    const bureau = await t.logIn('bureau')
    expect(
      (await bureau.request({ method: 'GET', url: `/api/promotions/skus/${terms.skuId}/label` }))
        .statusCode,
    ).toBe(403)
  })

  it('is for the operator only: a merchant and the bureau get 403', async () => {
    const t = await ordersApp()
    const { activityId, terms } = await activityStartingTomorrow(t)
    for (const who of ['merchant', 'bureau']) {
      const client = await t.logIn(who)
      const edited = await client.request({
        method: 'PUT',
        url: `/api/promotions/bargains/${activityId}`,
        payload: { ...terms, title: '越权' },
      })
      expect(edited.statusCode, who).toBe(403)
    }
  })
})
