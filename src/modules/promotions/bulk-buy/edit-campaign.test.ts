import { describe, expect, it } from 'vitest'
import { type TestApp } from '../../../test/test-app.js'
import { hoursFromNow, storeSku } from '../bargain/test-support.js'
import type { Campaign } from './schema.js'
import { LADDER, openCampaign } from './test-support.js'
import { auditEntries } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

// SVC-3 (团购): an operator corrects a campaign's terms while it is a draft or has not
// started; once it runs, buyers have joined at the published ladder and it stays as it is.

async function campaignStartingTomorrow(t: TestApp, open = true) {
  const { skuId, storeId, operator } = await storeSku(t, 5000)
  const terms = {
    skuId,
    title: '五台莜面团购',
    ladder: LADDER,
    minQuantity: 3,
    cap: 100,
    perUserMax: 5,
    startsAt: hoursFromNow(24),
    endsAt: hoursFromNow(48),
    pickupLocationId: storeId,
    open,
  }
  const created = await operator.request({
    method: 'POST',
    url: '/api/promotions/bulk-buys',
    payload: terms,
  })
  expect(created.statusCode, created.body).toBe(201)
  return { campaignId: created.json<{ id: string }>().id, terms, operator }
}

const fieldsOf = (body: string) =>
  (JSON.parse(body) as { errors?: { field: string }[] }).errors?.map((e) => e.field)

const cheaperFirstTier = [{ minQuantity: 0, priceFen: 4200 }, ...LADDER.slice(1)]

describe('editing a 团购 campaign', () => {
  it('replaces the terms of an open campaign that has not started, and audits before and after', async () => {
    const t = await ordersApp()
    const { campaignId, terms, operator } = await campaignStartingTomorrow(t)
    const edited = await operator.request({
      method: 'PUT',
      url: `/api/promotions/bulk-buys/${campaignId}`,
      payload: { ...terms, title: '五台莜面团购（改）', ladder: cheaperFirstTier, open: false },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    // `open` is for create only: the campaign stays open.
    expect(edited.json<Campaign>()).toMatchObject({
      title: '五台莜面团购（改）',
      ladder: cheaperFirstTier,
      status: 'open',
    })
    const [audit] = await auditEntries(t.db, {
      entityId: campaignId,
      action: 'bulk_campaign.updated',
    })
    expect(JSON.parse(audit?.before_json ?? '{}')).toMatchObject({ title: '五台莜面团购' })
    expect(JSON.parse(audit?.after_json ?? '{}')).toMatchObject({ title: '五台莜面团购（改）' })
  })

  it('edits a draft, even one whose window has begun', async () => {
    const t = await ordersApp()
    const { campaignId, terms, operator } = await campaignStartingTomorrow(t, false)
    const edited = await operator.request({
      method: 'PUT',
      url: `/api/promotions/bulk-buys/${campaignId}`,
      payload: { ...terms, startsAt: hoursFromNow(-1), cap: 50 },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json<Campaign>()).toMatchObject({ cap: 50, status: 'draft' })
  })

  it('refuses a running campaign with 409 naming status', async () => {
    const t = await ordersApp()
    const { campaignId, operator } = await openCampaign(t)
    const { skuId } = await storeSku(t, 5000)
    const edited = await operator.request({
      method: 'PUT',
      url: `/api/promotions/bulk-buys/${campaignId}`,
      payload: {
        skuId,
        title: '改价',
        ladder: cheaperFirstTier,
        minQuantity: 3,
        cap: 100,
        perUserMax: 5,
        startsAt: hoursFromNow(1),
        endsAt: hoursFromNow(48),
      },
    })
    expect(edited.statusCode, edited.body).toBe(409)
    expect(fieldsOf(edited.body)).toEqual(['status'])
    const listed = await operator.request({ method: 'GET', url: '/api/promotions/bulk-buys' })
    expect(listed.json<Campaign[]>()[0]).toMatchObject({ title: '莜面团购', ladder: LADDER })
  })

  it('checks the terms as on create: 400 naming the field', async () => {
    const t = await ordersApp()
    const { campaignId, terms, operator } = await campaignStartingTomorrow(t)
    const put = (payload: object) =>
      operator.request({ method: 'PUT', url: `/api/promotions/bulk-buys/${campaignId}`, payload })
    const risingLadder = await put({
      ...terms,
      ladder: [
        { minQuantity: 0, priceFen: 4000 },
        { minQuantity: 3, priceFen: 4500 },
      ],
    })
    expect(risingLadder.statusCode).toBe(400)
    expect(fieldsOf(risingLadder.body)).toEqual(['ladder'])
    const overCap = await put({ ...terms, minQuantity: 101 })
    expect(overCap.statusCode).toBe(400)
    expect(fieldsOf(overCap.body)).toEqual(['minQuantity'])
  })

  it('is for the operator only: a merchant and the bureau get 403', async () => {
    const t = await ordersApp()
    const { campaignId, terms } = await campaignStartingTomorrow(t)
    for (const who of ['merchant', 'bureau']) {
      const client = await t.logIn(who)
      const edited = await client.request({
        method: 'PUT',
        url: `/api/promotions/bulk-buys/${campaignId}`,
        payload: { ...terms, title: '越权' },
      })
      expect(edited.statusCode, who).toBe(403)
    }
  })
})
