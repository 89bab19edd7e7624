import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { type Client } from '../../test/test-app.js'
import { shanghaiDate, shanghaiMonthBounds } from '../../shared/clock.js'
import { feeFen } from './statements.js'
import { logisticsApp } from '../../test/fixtures.js'

// LOG-7 reports and LOG-2 statements, from real scans.

const today = () => shanghaiDate(Date.now())

async function moveParcels(clients: {
  carrier: Client
  hub: Client
  driver: Client
  station: Client
}) {
  const parcels = [
    {
      waybillNo: 'YZ8000000001',
      recipientName: '甲',
      recipientPhone: '13900000001',
      address: '五台县台城镇台城村',
      weightKg: 0.8,
      codYuan: 30,
    },
    {
      waybillNo: 'YZ8000000002',
      recipientName: '乙',
      recipientPhone: '13900000002',
      address: '五台县台城镇台城村',
      weightKg: 2.5,
    },
    {
      waybillNo: 'YZ8000000003',
      recipientName: '丙',
      recipientPhone: '13900000003',
      address: '五台县豆村镇佛光村',
      weightKg: 4,
    },
  ]
  await clients.carrier.request({
    method: 'POST',
    url: '/api/logistics/parcels',
    payload: { parcels },
  })
  const scan = (client: Client, waybillNo: string, type: string, extra: object = {}) =>
    client.request({
      method: 'POST',
      url: '/api/logistics/scans',
      payload: { waybillNo, type, ...extra },
    })
  for (const p of parcels) await scan(clients.hub, p.waybillNo, 'received')
  for (const p of parcels.slice(0, 2)) {
    for (const type of ['sorted', 'loaded']) await scan(clients.hub, p.waybillNo, type)
    await scan(clients.driver, p.waybillNo, 'departed')
    await scan(clients.station, p.waybillNo, 'arrived')
  }
  await scan(clients.station, 'YZ8000000001', 'picked_up', { phoneTail: '0001' })
}

describe('reports and statements', () => {
  it('counts received, dispatched, delivered and picked-up parcels by township, and exports them to Excel', async () => {
    const { logIn } = await logisticsApp()
    const clients = {
      carrier: await logIn('carrier'),
      hub: await logIn('hub'),
      driver: await logIn('driver'),
      station: await logIn('station'),
    }
    await moveParcels(clients)
    const bureau = await logIn('bureau')
    const byTownship = (
      await bureau.request({
        method: 'GET',
        url: `/api/logistics/reports/flow?from=${today()}&to=${today()}&groupBy=township`,
      })
    ).json<unknown>()
    expect(byTownship).toEqual([
      { key: '140922100', label: '台城镇', received: 2, dispatched: 2, delivered: 2, pickedUp: 1 },
      { key: '140922103', label: '豆村镇', received: 1, dispatched: 0, delivered: 0, pickedUp: 0 },
    ])
    const byDay = (
      await bureau.request({
        method: 'GET',
        url: `/api/logistics/reports/flow?from=${today()}&to=${today()}&groupBy=day`,
      })
    ).json<unknown>()
    expect(byDay).toEqual([
      { key: today(), label: today(), received: 3, dispatched: 2, delivered: 2, pickedUp: 1 },
    ])

    const download = await bureau.request({
      method: 'GET',
      url: `/api/logistics/reports/flow.xlsx?from=${today()}&to=${today()}&groupBy=carrier`,
    })
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('送收发报表'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    expect(sheet?.getRow(4).values).toEqual([undefined, '中国邮政五台县分公司', 3, 2, 2, 1])
  })

  it('bills a carrier per parcel and started kilogram, and lists the cash on delivery collected', async () => {
    const { logIn } = await logisticsApp()
    const clients = {
      carrier: await logIn('carrier'),
      hub: await logIn('hub'),
      driver: await logIn('driver'),
      station: await logIn('station'),
    }
    await moveParcels(clients)
    const operator = await logIn('operator')
    const me = (await clients.carrier.request({ method: 'GET', url: '/api/auth/me' })).json<{
      memberships: { organizationId: string }[]
    }>()
    const carrierId = me.memberships[0]?.organizationId ?? ''
    expect(
      (
        await operator.request({
          method: 'PUT',
          url: `/api/logistics/carriers/${carrierId}/fee-rule`,
          payload: { perParcelFen: 200, perKgFen: 100, freeKg: 1 },
        })
      ).statusCode,
    ).toBe(200)
    const month = today().slice(0, 7)
    const statement = (
      await clients.carrier.request({
        method: 'GET',
        url: `/api/logistics/statements?carrierId=${carrierId}&month=${month}`,
      })
    ).json<unknown>()
    // 0.8 kg → 200; 2.5 kg → 200 + 2×100; 4 kg → 200 + 3×100
    expect(statement).toMatchObject({
      parcels: 3,
      weightKg: 7.3,
      feeFen: 1100,
      codParcels: 1,
      codFen: 3000,
    })
    const other = (
      await operator.request({ method: 'GET', url: '/api/organizations?q=中通' })
    ).json<{ items: { id: string }[] }>().items[0]
    expect(
      (
        await clients.carrier.request({
          method: 'GET',
          url: `/api/logistics/statements?carrierId=${other?.id ?? ''}&month=${month}`,
        })
      ).statusCode,
    ).toBe(404)
    const xlsx = await clients.carrier.request({
      method: 'GET',
      url: `/api/logistics/statements.xlsx?carrierId=${carrierId}&month=${month}`,
    })
    expect(xlsx.statusCode).toBe(200)
  })

  it('charges by started kilogram beyond the free ones', () => {
    const rule = { perParcelFen: 150, perKgFen: 50, freeKg: 1 }
    expect([feeFen(1, rule), feeFen(1000, rule), feeFen(1001, rule), feeFen(3000, rule)]).toEqual([
      150, 150, 200, 250,
    ])
  })

  it('takes months in Shanghai time', () => {
    expect(shanghaiMonthBounds('2026-12')).toEqual({
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    })
  })
})
