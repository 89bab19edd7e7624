import { describe, expect, it } from 'vitest'
import { auditEntries, parcelRow, smsSent } from '../../test/inspect.js'
import { logisticsApp } from '../../test/fixtures.js'
import type { Client } from '../../test/test-app.js'

// Issue 15, points 4 and 5: the hub's scanner tells ok / wrong station / wrong step / unknown /
// duplicate apart by the answer alone; the 72-hour clock starts at the hub's received scan
// (LOG-6, KPI-1); a parcel arriving at its village station gets a pickup code (取件码), texted to
// the recipient, and the station master hands over by it (LOG-5).

const TAICHENG = '五台县台城镇台城村' // the demo station master's village
const FOGUANG = '五台县豆村镇佛光村'

async function announce(carrier: Client, waybillNos: string[], address = TAICHENG) {
  const res = await carrier.request({
    method: 'POST',
    url: '/api/logistics/parcels',
    payload: {
      parcels: waybillNos.map((waybillNo, i) => ({
        waybillNo,
        recipientName: '王五',
        recipientPhone: `1390000${String(1000 + i).padStart(4, '0')}`,
        address,
        weightKg: 1,
      })),
    },
  })
  expect(res.statusCode).toBe(200)
}

const scan = (client: Client, waybillNo: string, type: string, extra: object = {}) =>
  client.request({
    method: 'POST',
    url: '/api/logistics/scans',
    payload: { waybillNo, type, ...extra },
  })

const handOver = (client: Client, pickupCode: string) =>
  client.request({ method: 'POST', url: '/api/logistics/handovers', payload: { pickupCode } })

/** Takes a parcel from the hub to its station (arrived), as hub, driver and station master. */
async function bringToStation(
  t: { hub: Client; driver: Client; station: Client },
  waybill: string,
) {
  for (const type of ['received', 'sorted', 'loaded'])
    expect((await scan(t.hub, waybill, type)).statusCode).toBe(200)
  expect((await scan(t.driver, waybill, 'departed')).statusCode).toBe(200)
  expect((await scan(t.station, waybill, 'arrived')).statusCode).toBe(200)
}

describe('hub scanning outcomes (issue 15)', () => {
  it('answers ok, unknown waybill, duplicate, wrong step and wrong station each in its own way', async () => {
    const { db, logIn } = await logisticsApp()
    const carrier = await logIn('carrier')
    const hub = await logIn('hub')
    const station = await logIn('station')
    await announce(carrier, ['SC1000000001'])
    await announce(carrier, ['SC1000000002'], FOGUANG)

    const ok = await scan(hub, 'sc1000000001', 'received')
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({
      waybillNo: 'SC1000000001',
      status: 'received',
      duplicate: false,
    })

    const unknown = await scan(hub, 'NOSUCH000001', 'received')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.headers['content-type']).toContain('application/problem+json')
    expect(unknown.json()).toMatchObject({
      code: 'not_found',
      reason: 'unknown_waybill',
      type: 'urn:cuntong:problem:not_found:unknown_waybill',
    })

    // The same scan again (a scanner gun's double read): the same answer, nothing recorded twice.
    const again = await scan(hub, 'SC1000000001', 'received')
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ status: 'received', duplicate: true })
    const { id } = await parcelRow(db, 'SC1000000001')
    const events = await db
      .selectFrom('scan_event')
      .select('type')
      .where('parcel_id', '=', id)
      .execute()
    expect(events.map((e) => e.type)).toEqual(['received'])
    expect((await auditEntries(db, { entityId: id })).map((e) => e.action)).toEqual([
      'parcel.scan.received',
      'parcel.scan.received.repeated',
    ])

    const outOfOrder = await scan(hub, 'SC1000000001', 'loaded')
    expect(outOfOrder.statusCode).toBe(409)
    expect(outOfOrder.json()).toMatchObject({ code: 'conflict', reason: 'wrong_step' })
    expect(outOfOrder.json<{ detailZh: string }>().detailZh).toContain('已收件')

    for (const type of ['received', 'sorted', 'loaded'])
      expect((await scan(hub, 'SC1000000002', type)).statusCode).toBe(200)
    const otherStation = await scan(station, 'SC1000000002', 'arrived')
    expect(otherStation.statusCode).toBe(403)
    expect(otherStation.json()).toMatchObject({ reason: 'wrong_station' })
    expect(otherStation.json<{ detailZh: string }>().detailZh).toContain('佛光村')
    expect((await parcelRow(db, 'SC1000000002')).status).toBe('loaded')
  })

  it('starts the 72-hour clock at the hub’s received scan, and a repeated scan does not move it (LOG-6, KPI-1)', async () => {
    const { db, logIn } = await logisticsApp()
    const carrier = await logIn('carrier')
    const hub = await logIn('hub')
    await announce(carrier, ['SC2000000001'])
    expect(await parcelRow(db, 'SC2000000001')).toMatchObject({ received_at: null, due_at: null })

    const before = Date.now()
    await scan(hub, 'SC2000000001', 'received')
    const first = await parcelRow(db, 'SC2000000001')
    const receivedAt = Date.parse(first.received_at ?? '')
    expect(receivedAt).toBeGreaterThanOrEqual(before - 1000)
    expect(Date.parse(first.due_at ?? '') - receivedAt).toBe(72 * 3600 * 1000)

    await new Promise((resolve) => setTimeout(resolve, 20))
    await scan(hub, 'SC2000000001', 'received')
    const second = await parcelRow(db, 'SC2000000001')
    expect([second.received_at, second.due_at]).toEqual([first.received_at, first.due_at])
  })
})

describe('pickup by code at a village station (issue 15)', () => {
  it('gives an arriving parcel a code, texts it, and hands the parcel over by it', async () => {
    const { app, db, logIn } = await logisticsApp()
    const carrier = await logIn('carrier')
    const t = {
      hub: await logIn('hub'),
      driver: await logIn('driver'),
      station: await logIn('station'),
    }
    await announce(carrier, ['SC3000000001', 'SC3000000002'])
    await bringToStation(t, 'SC3000000001')
    await bringToStation(t, 'SC3000000002')

    const first = await parcelRow(db, 'SC3000000001')
    const second = await parcelRow(db, 'SC3000000002')
    expect(first.pickup_code).toMatch(/^\d{6}$/)
    expect(second.pickup_code).toMatch(/^\d{6}$/)
    expect(second.pickup_code).not.toBe(first.pickup_code)

    // The arrival text carries the code; the SMS log shows it masked.
    const [text] = await smsSent(db, { phone: first.recipient_phone, template: 'parcel_arrived' })
    expect(JSON.parse(text?.params_json ?? '{}')).toMatchObject({
      waybillNo: 'SC3000000001',
      pickupCode: first.pickup_code,
    })
    const operator = await logIn('operator')
    const log = (
      await operator.request({
        method: 'GET',
        url: `/api/notifications/sms?phoneTail=${first.recipient_phone.slice(-4)}`,
      })
    ).json<{ items: { body: string | null }[] }>()
    expect(JSON.stringify(log.items)).not.toContain(first.pickup_code)

    // Neither tracking nor the station's parcel list reveals it.
    const tracking = await app.inject({
      method: 'GET',
      url: `/api/tracking/SC3000000001?phoneTail=${first.recipient_phone.slice(-4)}`,
    })
    expect(tracking.statusCode).toBe(200)
    expect(tracking.body).not.toContain(first.pickup_code)
    const list = await t.station.request({
      method: 'GET',
      url: '/api/logistics/parcels?status=at_station',
    })
    expect(list.body).not.toContain(first.pickup_code)

    const handed = await handOver(t.station, first.pickup_code ?? '')
    expect(handed.statusCode).toBe(200)
    expect(handed.json()).toMatchObject({ waybillNo: 'SC3000000001', status: 'picked_up' })
    const after = await parcelRow(db, 'SC3000000001')
    expect(after).toMatchObject({ status: 'picked_up', pickup_code: null })
    // The code is spent: the same code again matches nothing waiting.
    expect((await handOver(t.station, first.pickup_code ?? '')).statusCode).toBe(400)

    // Typed with the waybill (a scan of the parcel, then the code) works too.
    const bySecond = await scan(t.station, 'SC3000000002', 'picked_up', {
      pickupCode: second.pickup_code,
    })
    expect(bySecond.json()).toMatchObject({ status: 'picked_up' })
  })

  it('refuses a wrong code with a 400 naming the field, audits it, and slows down guessing', async () => {
    const { db, logIn } = await logisticsApp()
    const carrier = await logIn('carrier')
    const t = {
      hub: await logIn('hub'),
      driver: await logIn('driver'),
      station: await logIn('station'),
    }
    await announce(carrier, ['SC4000000001'])
    await bringToStation(t, 'SC4000000001')
    const { pickup_code: code } = await parcelRow(db, 'SC4000000001')
    const wrong = code === '000000' ? '000001' : '000000'

    const refused = await handOver(t.station, wrong)
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({
      reason: 'wrong_pickup_code',
      errors: [{ field: 'pickupCode', messageZh: '没有与之对应的待取包裹' }],
    })
    expect((await parcelRow(db, 'SC4000000001')).status).toBe('at_station')
    const audited = await auditEntries(db, { action: 'parcel.pickup_code.wrong' })
    expect(audited).toHaveLength(1)
    expect(audited[0]?.outcome).toBe('denied')

    // With the waybill, a wrong code is refused the same way; the phone tail stays a fallback.
    const withWaybill = await scan(t.station, 'SC4000000001', 'picked_up', { pickupCode: wrong })
    expect(withWaybill.statusCode).toBe(400)
    expect(withWaybill.json()).toMatchObject({ reason: 'wrong_pickup_code' })

    for (let i = 0; i < 8; i++) expect((await handOver(t.station, wrong)).statusCode).toBe(400)
    // Ten wrong codes in ten minutes: the station's code hand-overs pause, even the right code.
    const paused = await handOver(t.station, code ?? '')
    expect(paused.statusCode).toBe(429)
    expect(paused.json()).toMatchObject({ reason: 'too_many_wrong_codes' })
    expect(await auditEntries(db, { action: 'parcel.pickup_code.wrong' })).toHaveLength(10)

    const byTail = await scan(t.station, 'SC4000000001', 'picked_up', {
      phoneTail: (await parcelRow(db, 'SC4000000001')).recipient_phone.slice(-4),
    })
    expect(byTail.json()).toMatchObject({ status: 'picked_up', duplicate: false })
  })
})
