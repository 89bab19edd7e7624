import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { type Client } from '../../../test/test-app.js'
import { someProducts } from '../../../test/inspect.js'
import { catalogApp } from '../../../test/fixtures.js'

// SVC-4 offline promotion events (at least two a year) and their invitation links (MKT-2).

interface EventView {
  id: string
  status: string
  region: string
  products: { id: string; title: string }[]
  shareCode: string | null
  shareVisits: number
  visitors: number | null
  salesFen: number | null
}

const plan = (operator: Client, payload: object) =>
  operator.request({ method: 'POST', url: '/api/promotions/events', payload })

describe('offline promotion events (SVC-4)', () => {
  it('plans, invites, records results and reports a year of events', async () => {
    const t = await catalogApp()
    const operator = await t.logIn('operator')
    const products = await someProducts(t.db, 2)
    const productIds = products.map((p) => p.id)
    const taihuai = '140971100'
    const body = {
      title: '五台山台蘑推介会',
      place: '台怀镇游客中心广场',
      divisionCode: taihuai,
      startsAt: '2026-08-08T01:00:00Z',
      endsAt: '2026-08-08T09:00:00Z',
      description: '台蘑、黄小米现场品尝与团购',
      productIds,
    }

    const backwards = await plan(operator, { ...body, endsAt: '2026-08-07T09:00:00Z' })
    expect(backwards.json()).toMatchObject({ status: 400, errors: [{ field: 'endsAt' }] })
    const unknown = await plan(operator, { ...body, productIds: [...productIds, 'nope'] })
    expect(unknown.json()).toMatchObject({ status: 400, errors: [{ field: 'productIds/2' }] })
    const merchant = await t.logIn('merchant')
    expect((await plan(merchant, body)).statusCode).toBe(403)

    const created = await plan(operator, body)
    expect(created.statusCode, created.body).toBe(201)
    const event = created.json<EventView>()
    expect(event).toMatchObject({ status: 'planned', visitors: null })
    expect(event.region).toContain('台怀镇')
    expect(event.products.map((p) => p.id).sort()).toEqual([...productIds].sort())

    // The invitation link counts its visits.
    const visit = await t.app.inject({
      method: 'GET',
      url: `/api/promotions/shop/share/${event.shareCode ?? ''}`,
    })
    expect(visit.statusCode, visit.body).toBe(200)

    const results = (payload: object) =>
      operator.request({
        method: 'POST',
        url: `/api/promotions/events/${event.id}/results`,
        payload,
      })
    expect((await results({ visitors: -1, ordersCount: 0, salesFen: 0 })).statusCode).toBe(400)
    const held = await results({
      visitors: 320,
      ordersCount: 57,
      salesFen: 1_288_000,
      note: '台蘑酱售罄',
    })
    expect(held.json()).toMatchObject({
      status: 'held',
      visitors: 320,
      salesFen: 1_288_000,
      shareVisits: 1,
    })
    // Held is final: neither results again nor a cancellation.
    expect((await results({ visitors: 1, ordersCount: 1, salesFen: 1 })).statusCode).toBe(409)

    const second = (
      await plan(operator, { ...body, title: '豆村黄小米丰收节', divisionCode: '140922103' })
    ).json<EventView>()
    const cancelled = await operator.request({
      method: 'POST',
      url: `/api/promotions/events/${second.id}/cancel`,
      payload: { reason: '暴雨预警，改期' },
    })
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' })

    const year = (
      await operator.request({ method: 'GET', url: '/api/promotions/events?year=2026' })
    ).json<{ total: number }>()
    expect(year.total).toBe(2)
    const sheet = await operator.request({
      method: 'GET',
      url: '/api/promotions/events.xlsx?year=2026',
    })
    expect(sheet.headers['content-type']).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer)
    const rows = workbook.worksheets[0]?.getSheetValues().filter(Boolean) as unknown[][]
    const heldRow = rows.find((row) => row.includes('五台山台蘑推介会'))
    expect(heldRow).toEqual(expect.arrayContaining(['已举办', 320, 57, 12_880, '2026-08-08 09:00']))
  })

  it('lists upcoming planned events publicly, soonest first', async () => {
    const t = await catalogApp()
    const operator = await t.logIn('operator')
    const soon = Date.now() + 86_400_000
    for (const [title, offsetDays] of [
      ['晚的', 10],
      ['早的', 2],
    ] as const)
      await plan(operator, {
        title,
        place: '台城镇电商产业园',
        divisionCode: '140922100',
        startsAt: new Date(soon + offsetDays * 86_400_000).toISOString(),
        endsAt: new Date(soon + offsetDays * 86_400_000 + 3_600_000).toISOString(),
        description: '',
        productIds: [],
      })
    const upcoming = await t.app.inject({ method: 'GET', url: '/api/promotions/events/upcoming' })
    expect(upcoming.statusCode).toBe(200)
    expect(upcoming.json<{ title: string }[]>().map((e) => e.title)).toEqual(['早的', '晚的'])
  })
})
