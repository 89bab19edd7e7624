import { describe, expect, it } from 'vitest'
import { addSeconds, nowIso } from '../../shared/clock.js'
import { newId } from '../../shared/ids.js'
import { type TestApp } from '../../test/test-app.js'
import { organizationIdNamed } from '../../test/inspect.js'
import { logisticsApp } from '../../test/fixtures.js'

// LOG-6 / KPI-1: the on-time rate for a scenario with known late parcels comes out exactly right.

const H = 3600

async function seedParcels(
  db: TestApp['db'],
  scenario: {
    receivedAt: string
    arrivedAfterH: number | null
    status?: 'received' | 'sorted' | 'at_station' | 'in_transit'
  }[],
) {
  const carrier = { id: await organizationIdNamed(db, '中国邮政五台县分公司') }
  const site = await db
    .selectFrom('logistics_site')
    .select('id')
    .where('kind', '=', 'village')
    .executeTakeFirstOrThrow()
  let n = 0
  for (const p of scenario) {
    n += 1
    await db
      .insertInto('parcel')
      .values({
        id: newId(),
        carrier_id: carrier.id,
        waybill_no: `YZ7${String(n).padStart(9, '0')}`,
        recipient_name: '测试',
        recipient_phone: '13900000000',
        address_text: '五台县',
        destination_site_id: site.id,
        weight_g: 1000,
        volume_cm3: 0,
        cod_fen: 0,
        status: p.status ?? (p.arrivedAfterH === null ? 'in_transit' : 'at_station'),
        received_at: p.receivedAt,
        due_at: addSeconds(p.receivedAt, 72 * H),
        arrived_at: p.arrivedAfterH === null ? null : addSeconds(p.receivedAt, p.arrivedAfterH * H),
        import_id: null,
        created_at: p.receivedAt,
        updated_at: p.receivedAt,
      })
      .execute()
  }
}

describe('72-hour promise report', () => {
  it('computes the on-time rate per day from scan times', async () => {
    const { db, logIn } = await logisticsApp()
    const nov2 = '2026-11-02T01:00:00.000Z' // 09:00 in Shanghai
    const nov3 = '2026-11-03T01:00:00.000Z'
    await seedParcels(db, [
      ...Array.from({ length: 7 }, () => ({ receivedAt: nov2, arrivedAfterH: 30 })),
      { receivedAt: nov2, arrivedAfterH: 75 }, // late
      { receivedAt: nov2, arrivedAfterH: null }, // never arrived: overdue by now
      { receivedAt: nov2, arrivedAfterH: 72 }, // exactly 72 h: on time
      ...Array.from({ length: 3 }, () => ({ receivedAt: nov3, arrivedAfterH: 71 })),
      { receivedAt: nov3, arrivedAfterH: 96 },
    ])
    const bureau = await logIn('bureau')
    const res = await bureau.request({
      method: 'GET',
      url: '/api/logistics/promise?from=2026-11-01&to=2026-11-03',
    })
    expect(res.json()).toEqual([
      {
        period: '2026-11-02',
        received: 10,
        arrivedOnTime: 8,
        arrivedLate: 1,
        overdue: 1,
        pending: 0,
        onTimeRate: 0.8,
      },
      {
        period: '2026-11-03',
        received: 4,
        arrivedOnTime: 3,
        arrivedLate: 1,
        overdue: 0,
        pending: 0,
        onTimeRate: 0.75,
      },
    ])
    const month = (
      await bureau.request({
        method: 'GET',
        url: '/api/logistics/promise?from=2026-11-01&to=2026-11-30&granularity=month',
      })
    ).json<{ onTimeRate: number }[]>()
    expect(month).toEqual([
      expect.objectContaining({ period: '2026-11', received: 14, onTimeRate: 11 / 14 }),
    ])
  })

  it('lists parcels at risk (under 24 h left, not loaded) and breached ones', async () => {
    const { db, logIn } = await logisticsApp()
    const now = Date.parse(nowIso())
    const hoursAgo = (h: number) => new Date(now - h * H * 1000).toISOString()
    await seedParcels(db, [
      { receivedAt: hoursAgo(60), arrivedAfterH: null, status: 'sorted' }, // 12 h left, not loaded: at risk
      { receivedAt: hoursAgo(10), arrivedAfterH: null, status: 'received' }, // plenty of time
      { receivedAt: hoursAgo(60), arrivedAfterH: null, status: 'in_transit' }, // on a vehicle: not at risk
      { receivedAt: hoursAgo(80), arrivedAfterH: null, status: 'sorted' }, // breached
      { receivedAt: hoursAgo(100), arrivedAfterH: 75 }, // arrived late: breached
      { receivedAt: hoursAgo(100), arrivedAfterH: 50 }, // arrived on time
    ])
    const hub = await logIn('hub')
    const atRisk = (
      await hub.request({ method: 'GET', url: '/api/logistics/parcels?promise=at_risk' })
    ).json<{ items: { waybillNo: string }[] }>()
    expect(atRisk.items.map((p) => p.waybillNo)).toEqual(['YZ7000000001'])
    const breached = (
      await hub.request({ method: 'GET', url: '/api/logistics/parcels?promise=breached' })
    ).json<{ items: { waybillNo: string }[] }>()
    expect(breached.items.map((p) => p.waybillNo).sort()).toEqual(['YZ7000000004', 'YZ7000000005'])
  })
})
