import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildTestApp, type Client } from '../../test/test-app.js'
import { smsSent } from '../../test/inspect.js'
import { logisticsApp } from '../../test/fixtures.js'
import { multipart } from '../../test/multipart.js'

// LOG-1, LOG-2, LOG-5: the network, parcel intake, scans and public tracking.

interface IntakeResult {
  imported: number
  duplicates: number
  failed: number
  unmatched: number
  rowsTotal: number
  errors: { row: number; field: string; message: string; messageZh: string }[]
}

const VILLAGES = ['豆村镇佛光村', '台城镇台城村', '东冶镇槐阴村', '茹村乡石岭村', '阳白乡李家庄村']

/** A carrier's manifest: `count` rows, every 50th with a bad phone number. */
function manifestCsv(prefix: string, count: number): Buffer {
  const lines = ['运单号,收件人,收件人电话,收件地址,重量(kg),代收货款(元)']
  for (let i = 0; i < count; i++) {
    const phone = i % 50 === 7 ? '12345' : `139${String(10000000 + i).slice(-8)}`
    lines.push(
      `${prefix}${String(i).padStart(8, '0')},收件人${i},${phone},山西省五台县${VILLAGES[i % VILLAGES.length] ?? ''}${i}号,${(1 + (i % 7) * 0.5).toFixed(1)},${i % 10 === 0 ? '25.50' : ''}`,
    )
  }
  return Buffer.from(lines.join('\n'), 'utf8')
}

async function carrierIds(client: Client): Promise<Record<string, string>> {
  const { items } = (
    await client.request({ method: 'GET', url: '/api/organizations?type=carrier' })
  ).json<{ items: { id: string; name: string }[] }>()
  return Object.fromEntries(items.map((o) => [o.name, o.id]))
}

async function intake(
  client: Client,
  parcels: unknown[],
  carrierId?: string,
): Promise<IntakeResult> {
  const res = await client.request({
    method: 'POST',
    url: '/api/logistics/parcels',
    payload: { parcels, ...(carrierId ? { carrierId } : {}) },
  })
  expect(res.statusCode).toBe(200)
  return res.json<IntakeResult>()
}

const parcel = (waybillNo: string, address = '五台县豆村镇佛光村', phone = '13912345678') => ({
  waybillNo,
  recipientName: '王五',
  recipientPhone: phone,
  address,
  weightKg: 2,
})

describe('network (LOG-1)', () => {
  // On the whole demo on purpose: checks the demo's network is complete and inside the county.
  it('has the hub, 20 township stations and a station in each of the 284 villages, all inside the county', async () => {
    const { logIn } = await buildTestApp()
    const hub = await logIn('hub')
    const count = async (kind: string) =>
      (
        await hub.request({ method: 'GET', url: `/api/logistics/sites?kind=${kind}&pageSize=1` })
      ).json<{ total: number }>().total
    expect([await count('hub'), await count('township'), await count('village')]).toEqual([
      1, 20, 284,
    ])
    const douCun = (
      await hub.request({
        method: 'GET',
        url: '/api/logistics/sites?kind=village&townshipCode=140922103&pageSize=100',
      })
    ).json<{ items: { lat: number; lon: number; coordinatesApproximate: boolean }[] }>()
    expect(douCun.items).toHaveLength(26)
    for (const site of douCun.items) {
      expect(site.lat).toBeGreaterThan(38.4)
      expect(site.lat).toBeLessThan(39.2)
      expect(site.lon).toBeGreaterThan(112.9)
      expect(site.lon).toBeLessThan(113.9)
    }
  })

  it('lets the operator correct a station position, which is then no longer approximate', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const [site] = (
      await operator.request({ method: 'GET', url: '/api/logistics/sites?q=佛光' })
    ).json<{ items: { id: string }[] }>().items
    const res = await operator.request({
      method: 'PATCH',
      url: `/api/logistics/sites/${site?.id ?? ''}`,
      payload: { lat: 38.8692, lon: 113.3881, openingHours: '08:30-18:30' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      lat: 38.8692,
      coordinatesApproximate: false,
      openingHours: '08:30-18:30',
    })
    const half = await operator.request({
      method: 'PATCH',
      url: `/api/logistics/sites/${site?.id ?? ''}`,
      payload: { lat: 38.1 },
    })
    expect(half.statusCode).toBe(400)
  })
})

describe('station coordinates import (LOG-1)', () => {
  it('updates the stations named in a CSV and reports the bad rows', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const csv = Buffer.from(
      '区划代码,纬度,经度\n140922103208,38.8692,113.3881\n140922100201,113.2,38.7\n140922999999,38.7,113.2\n',
    )
    const res = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites/coordinates',
      ...multipart('coords.csv', csv),
    })
    expect(res.json()).toEqual({
      updated: 1,
      failed: 2,
      errors: [
        {
          row: 3,
          field: 'lat',
          message: 'must be a latitude in China',
          messageZh: '纬度不在中国范围内',
        },
        {
          row: 4,
          field: 'code',
          message: 'no station has the division code 140922999999',
          messageZh: '区划代码 140922999999 没有对应站点',
        },
      ],
    })
    const [site] = (
      await operator.request({ method: 'GET', url: '/api/logistics/sites?q=140922103208' })
    ).json<{ items: { lat: number; coordinatesApproximate: boolean }[] }>().items
    expect(site).toMatchObject({ lat: 38.8692, coordinatesApproximate: false })
  })
})

describe('parcel intake (LOG-2)', () => {
  it('imports several carriers’ manifests of thousands of parcels once, even when uploaded twice, and reports bad rows', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const carriers = await carrierIds(operator)
    for (const [prefix, name] of [
      ['YZ', '中国邮政五台县分公司'],
      ['ZT', '中通快递五台网点'],
    ] as const) {
      const file = manifestCsv(prefix, 1500)
      const upload = () =>
        operator.request({
          method: 'POST',
          url: '/api/logistics/manifests',
          ...multipart(`${prefix}.csv`, file, { carrierId: carriers[name] ?? '' }),
        })
      const first = (await upload()).json<IntakeResult>()
      expect(first).toMatchObject({
        rowsTotal: 1500,
        imported: 1470,
        duplicates: 0,
        failed: 30,
        unmatched: 0,
      })
      expect(first.errors[0]).toEqual({
        row: 9,
        field: 'recipientPhone',
        message: 'has the wrong format',
        messageZh: '格式不正确',
      })
      const second = (await upload()).json<IntakeResult>()
      expect(second).toMatchObject({ imported: 0, duplicates: 1470, failed: 30 })
    }
    const listed = (
      await operator.request({ method: 'GET', url: '/api/logistics/parcels?pageSize=1' })
    ).json<{ total: number }>()
    expect(listed.total).toBe(2940)
    const cod = (
      await operator.request({ method: 'GET', url: '/api/logistics/parcels?q=YZ00000010' })
    ).json<{ items: { codFen: number; recipientPhone: string; recipientName: string }[] }>()
    expect(cod.items[0]).toMatchObject({
      codFen: 2550,
      recipientPhone: '139****0010',
      recipientName: '收**',
    })
  })

  it('reads XLSX manifests, including the downloadable template', async () => {
    const { logIn } = await logisticsApp()
    const carrier = await logIn('carrier')
    const template = await carrier.request({
      method: 'GET',
      url: '/api/logistics/manifests/template?format=xlsx',
    })
    expect(template.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    sheet?.addRow(['YZ0000000002', '李四', 13800001111, '五台县台城镇台城村', '', 3])
    const file = Buffer.from(await workbook.xlsx.writeBuffer())
    const result = (
      await carrier.request({
        method: 'POST',
        url: '/api/logistics/manifests',
        ...multipart('运单.xlsx', file),
      })
    ).json<IntakeResult>()
    expect(result).toMatchObject({ rowsTotal: 2, imported: 2, failed: 0 })
  })

  it('refuses a file without the required columns, importing nothing', async () => {
    const { logIn } = await logisticsApp()
    const carrier = await logIn('carrier')
    const res = await carrier.request({
      method: 'POST',
      url: '/api/logistics/manifests',
      ...multipart('bad.csv', Buffer.from('单号,姓名\nA1,张三\n')),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ errors: [{ field: 'file' }] })
    expect(
      (await carrier.request({ method: 'GET', url: '/api/logistics/parcels' })).json(),
    ).toMatchObject({ total: 0 })
  })

  it('takes parcels from a carrier system with an API token, idempotently', async () => {
    const { app, logIn } = await logisticsApp()
    const carrier = await logIn('carrier')
    const me = (await carrier.request({ method: 'GET', url: '/api/auth/me' })).json<{
      memberships: { organizationId: string }[]
    }>()
    const { secret } = (
      await carrier.request({
        method: 'POST',
        url: '/api/api-tokens',
        payload: {
          name: '运单系统',
          organizationId: me.memberships[0]?.organizationId,
          role: 'carrier_agent',
        },
      })
    ).json<{ secret: string }>()
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/logistics/parcels',
        headers: { authorization: `Bearer ${secret}` },
        payload: {
          parcels: [
            parcel('YZ1000000001'),
            parcel('YZ1000000002', '五台县某某村'),
            { waybillNo: 'x' },
          ],
        },
      })
    const first = (await send()).json<IntakeResult>()
    expect(first).toMatchObject({ imported: 2, duplicates: 0, failed: 1, unmatched: 1 })
    expect(first.errors.map((e) => e.field).sort()).toEqual([
      'address',
      'recipientName',
      'recipientPhone',
      'waybillNo',
      'weightKg',
    ])
    expect((await send()).json()).toMatchObject({ imported: 0, duplicates: 2, failed: 1 })
  })

  it('queues unmatched addresses for a clerk, who picks the station', async () => {
    const { logIn } = await logisticsApp()
    const carrier = await logIn('carrier')
    const hub = await logIn('hub')
    await intake(carrier, [parcel('YZ2000000001', '五台县某某村')])
    const queue = (
      await hub.request({ method: 'GET', url: '/api/logistics/parcels?unmatched=true' })
    ).json<{ items: { id: string }[] }>()
    expect(queue.items).toHaveLength(1)
    const [site] = (await hub.request({ method: 'GET', url: '/api/logistics/sites?q=佛光' })).json<{
      items: { id: string }[]
    }>().items
    const resolved = await hub.request({
      method: 'PUT',
      url: `/api/logistics/parcels/${queue.items[0]?.id ?? ''}/destination`,
      payload: { siteId: site?.id },
    })
    expect(resolved.json()).toMatchObject({ destinationName: '佛光村村级服务站' })
    expect(
      (await hub.request({ method: 'GET', url: '/api/logistics/parcels?unmatched=true' })).json(),
    ).toMatchObject({ total: 0 })
  })

  it('lets a carrier see only its own parcels', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const carriers = await carrierIds(operator)
    await intake(operator, [parcel('ZT3000000001')], carriers['中通快递五台网点'])
    const carrier = await logIn('carrier')
    await intake(carrier, [parcel('YZ3000000001')])
    const seen = (await carrier.request({ method: 'GET', url: '/api/logistics/parcels' })).json<{
      items: { waybillNo: string }[]
    }>()
    expect(seen.items.map((p) => p.waybillNo)).toEqual(['YZ3000000001'])
  })
})

describe('scans and tracking (LOG-5)', () => {
  const scan = (client: Client, waybillNo: string, type: string, extra: object = {}) =>
    client.request({
      method: 'POST',
      url: '/api/logistics/scans',
      payload: { waybillNo, type, ...extra },
    })

  it('follows a parcel from hub to recipient, refusing steps out of order, and the public trail matches', async () => {
    const { app, db, logIn } = await logisticsApp()
    const carrier = await logIn('carrier')
    const hub = await logIn('hub')
    const driver = await logIn('driver')
    const station = await logIn('station')
    await intake(carrier, [parcel('YZ4000000001', '五台县台城镇台城村', '13900004321')])

    expect((await scan(hub, 'YZ4000000001', 'loaded')).statusCode).toBe(409)
    for (const type of ['received', 'sorted', 'loaded'])
      expect((await scan(hub, 'YZ4000000001', type)).statusCode).toBe(200)
    expect((await scan(driver, 'YZ4000000001', 'departed')).statusCode).toBe(200)
    const pickupTooEarly = await scan(station, 'YZ4000000001', 'picked_up', { phoneTail: '4321' })
    expect(pickupTooEarly.statusCode).toBe(409)
    expect(pickupTooEarly.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'type' }] })
    expect((await scan(station, 'YZ4000000001', 'arrived')).json()).toMatchObject({
      status: 'at_station',
    })
    expect((await smsSent(db)).map(({ phone, template }) => ({ phone, template }))).toEqual([
      { phone: '13900004321', template: 'parcel_arrived' },
    ])
    expect(
      (await scan(station, 'YZ4000000001', 'picked_up', { phoneTail: '0000' })).statusCode,
    ).toBe(400)
    expect(
      (await scan(station, 'YZ4000000001', 'picked_up', { phoneTail: '4321' })).json(),
    ).toMatchObject({ status: 'picked_up' })

    const anonymous = (
      await app.inject({ method: 'GET', url: '/api/tracking/YZ4000000001' })
    ).json<{ detailed: boolean; events: { type: string; siteName: string | null }[] }>()
    expect(anonymous.detailed).toBe(false)
    expect(anonymous.events.map((e) => e.type)).toEqual([
      'received',
      'sorted',
      'loaded',
      'departed',
      'arrived',
      'picked_up',
    ])
    expect(anonymous.events.every((e) => e.siteName === null)).toBe(true)
    const detailed = (
      await app.inject({ method: 'GET', url: '/api/tracking/yz4000000001?phoneTail=4321' })
    ).json<{ detailed: boolean; destinationName: string; events: { siteName: string | null }[] }>()
    expect(detailed).toMatchObject({ detailed: true, destinationName: '台城村村级服务站' })
    expect(detailed.events.at(-1)?.siteName).toBe('台城村村级服务站')
  })

  it('answers an unknown waybill with a 404 problem', async () => {
    const { app } = await logisticsApp()
    const res = await app.inject({ method: 'GET', url: '/api/tracking/NOPE123456' })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('application/problem+json')
  })

  it('keeps a station master to its own station’s parcels and station steps', async () => {
    const { logIn } = await logisticsApp()
    const carrier = await logIn('carrier')
    const station = await logIn('station')
    await intake(carrier, [
      parcel('YZ5000000001', '五台县豆村镇佛光村'),
      parcel('YZ5000000002', '五台县台城镇台城村'),
    ])
    // Another station's parcel in the station master's hands: refused as the wrong station.
    const elsewhere = await scan(station, 'YZ5000000001', 'arrived')
    expect(elsewhere.statusCode).toBe(403)
    expect(elsewhere.json()).toMatchObject({ reason: 'wrong_station' })
    const hubStep = await scan(station, 'YZ5000000002', 'received')
    expect(hubStep.statusCode).toBe(403)
    expect(hubStep.json()).toMatchObject({ reason: 'wrong_step' })
    const seen = (await station.request({ method: 'GET', url: '/api/logistics/parcels' })).json<{
      items: { waybillNo: string }[]
    }>()
    expect(seen.items.map((p) => p.waybillNo)).toEqual(['YZ5000000002'])
  })

  it('records one of two simultaneous identical scans and answers the other as a duplicate', async () => {
    const { logIn } = await logisticsApp()
    const carrier = await logIn('carrier')
    const hub = await logIn('hub')
    await intake(carrier, [parcel('YZ6000000001')])
    const results = await Promise.all([
      scan(hub, 'YZ6000000001', 'received'),
      scan(hub, 'YZ6000000001', 'received'),
    ])
    expect(results.map((r) => r.statusCode)).toEqual([200, 200])
    expect(results.map((r) => r.json<{ duplicate: boolean }>().duplicate).sort()).toEqual([
      false,
      true,
    ])
    const detail = (
      await hub.request({ method: 'GET', url: `/api/logistics/parcels?q=YZ6000000001` })
    ).json<{ items: { id: string }[] }>()
    const events = (
      await hub.request({
        method: 'GET',
        url: `/api/logistics/parcels/${detail.items[0]?.id ?? ''}`,
      })
    ).json<{ events: unknown[] }>()
    expect(events.events).toHaveLength(1)
  })
})
