import { describe, expect, it } from 'vitest'
import { shanghaiDate } from '../../shared/clock.js'
import { type Client, type TestApp } from '../../test/test-app.js'
import { auditEntries } from '../../test/inspect.js'
import { logisticsApp } from '../../test/fixtures.js'

// Issue 12: what each logistics role reads. Statements belong to the carrier and the county
// (and the hub that bills it); drivers and station masters move parcels, they do not read fees.
// A station's reports count the parcels bound for it; everyone who reads parcels may list the
// alliance's carriers without being refused.

const today = () => shanghaiDate(Date.now())

type Carrier = { id: string; name: string }

async function carriersAs(client: Client): Promise<Carrier[]> {
  const response = await client.request({ method: 'GET', url: '/api/logistics/carriers' })
  expect(response.statusCode).toBe(200)
  return response.json<Carrier[]>()
}

const parcel = (waybillNo: string, address: string) => ({
  waybillNo,
  recipientName: '村民',
  recipientPhone: `1390000${waybillNo.slice(-4)}`,
  address,
  weightKg: 1,
})

const scan = (client: Client, waybillNo: string, type: string, extra: object = {}) =>
  client.request({
    method: 'POST',
    url: '/api/logistics/scans',
    payload: { waybillNo, type, ...extra },
  })

/**
 * Three parcels received at the hub today: 邮政's and 中通's for 台城村 (the demo station), both
 * delivered there and one picked up; 邮政's for 佛光村, still at the hub.
 */
async function moveParcels(t: TestApp) {
  const [carrier, operator, hub, driver, station] = await Promise.all(
    ['carrier', 'operator', 'hub', 'driver', 'station'].map((name) => t.logIn(name)),
  )
  if (!carrier || !operator || !hub || !driver || !station) throw new Error('demo accounts')
  const zto = (await carriersAs(operator)).find((c) => c.name.includes('中通'))
  await carrier.request({
    method: 'POST',
    url: '/api/logistics/parcels',
    payload: {
      parcels: [
        parcel('YZ7000000001', '五台县台城镇台城村'),
        parcel('YZ7000000002', '五台县豆村镇佛光村'),
      ],
    },
  })
  await operator.request({
    method: 'POST',
    url: '/api/logistics/parcels',
    payload: { carrierId: zto?.id, parcels: [parcel('ZT7000000003', '五台县台城镇台城村')] },
  })
  for (const waybillNo of ['YZ7000000001', 'YZ7000000002', 'ZT7000000003'])
    await scan(hub, waybillNo, 'received')
  for (const waybillNo of ['YZ7000000001', 'ZT7000000003']) {
    for (const type of ['sorted', 'loaded']) await scan(hub, waybillNo, type)
    await scan(driver, waybillNo, 'departed')
    await scan(station, waybillNo, 'arrived')
  }
  await scan(station, 'YZ7000000001', 'picked_up', { phoneTail: '0001' })
  return { carrier, operator, hub, driver, station }
}

async function deniedEntries(t: TestApp, userId: string) {
  return auditEntries(t.db, { action: 'access.denied', actorUserId: userId })
}

describe('who reads what in logistics (issue 12)', () => {
  it('refuses drivers and station masters a carrier’s statement, its download and its fee rule', async () => {
    const t = await logisticsApp()
    const operator = await t.logIn('operator')
    const [postal] = (await carriersAs(operator)).filter((c) => c.name.includes('邮政'))
    const month = today().slice(0, 7)
    for (const username of ['driver', 'station']) {
      const client = await t.logIn(username)
      for (const url of [
        `/api/logistics/statements?carrierId=${postal?.id}&month=${month}`,
        `/api/logistics/statements.xlsx?carrierId=${postal?.id}&month=${month}`,
        `/api/logistics/carriers/${postal?.id}/fee-rule`,
      ]) {
        const response = await client.request({ method: 'GET', url })
        expect(response.statusCode, `${username} ${url}`).toBe(403)
        expect(response.json()).toMatchObject({
          detail: 'You need the statements:read permission',
          detailZh: '需要 statements:read 权限',
        })
        expect(JSON.stringify(response.json())).not.toContain('feeFen')
      }
    }
  })

  it('lets a carrier read its own statement only, and the hub and the county every carrier’s', async () => {
    const t = await logisticsApp()
    const { carrier, hub } = await moveParcels(t)
    const [postal, other] = await carriersAs(await t.logIn('operator')).then((all) => [
      all.find((c) => c.name.includes('邮政')),
      all.find((c) => c.name.includes('中通')),
    ])
    const month = today().slice(0, 7)
    const statement = (client: Client, carrierId: string | undefined) =>
      client.request({
        method: 'GET',
        url: `/api/logistics/statements?carrierId=${carrierId}&month=${month}`,
      })

    expect((await statement(carrier, postal?.id)).json()).toMatchObject({ parcels: 2 })
    // Another carrier's statement does not exist for it: no probing for ids.
    expect((await statement(carrier, other?.id)).statusCode).toBe(404)
    expect((await statement(hub, other?.id)).json()).toMatchObject({ parcels: 1 })
    for (const username of ['bureau', 'admin']) {
      expect((await statement(await t.logIn(username), postal?.id)).json()).toMatchObject({
        parcels: 2,
      })
    }
  })

  it('counts the parcels bound for a village station in its flow report and 72-hour promise, and no one else’s', async () => {
    const t = await logisticsApp()
    const { station, carrier } = await moveParcels(t)
    const flow = async (client: Client, groupBy: string) => {
      const response = await client.request({
        method: 'GET',
        url: `/api/logistics/reports/flow?from=${today()}&to=${today()}&groupBy=${groupBy}`,
      })
      expect(response.statusCode).toBe(200)
      return response.json<unknown>()
    }

    // Both carriers' parcels for 台城村; 佛光村's stays out.
    expect(await flow(station, 'day')).toEqual([
      { key: today(), label: today(), received: 2, dispatched: 2, delivered: 2, pickedUp: 1 },
    ])
    expect(await flow(station, 'station')).toEqual([
      expect.objectContaining({ label: '台城村村级服务站', received: 2, delivered: 2 }),
    ])
    const promise = await station.request({
      method: 'GET',
      url: `/api/logistics/promise?from=${today()}&to=${today()}&granularity=day`,
    })
    expect(promise.json()).toEqual([
      expect.objectContaining({ period: today(), received: 2, arrivedOnTime: 2, onTimeRate: 1 }),
    ])
    // A carrier still counts its own parcels only, wherever they go.
    expect(await flow(carrier, 'day')).toEqual([
      { key: today(), label: today(), received: 2, dispatched: 1, delivered: 1, pickedUp: 1 },
    ])
  })

  it('lists the alliance’s carriers to the hub, drivers and station masters without refusing them; a carrier sees only itself', async () => {
    const t = await logisticsApp()
    for (const username of ['hub', 'driver', 'station']) {
      const client = await t.logIn(username)
      const carriers = await carriersAs(client)
      expect(carriers.map((c) => c.name)).toEqual(
        expect.arrayContaining(['中国邮政五台县分公司', '中通快递五台网点', '顺丰速运五台营业点']),
      )
      // Names and ids, nothing else about the company.
      expect(Object.keys(carriers[0] ?? {}).sort()).toEqual(['id', 'name'])
      expect(await deniedEntries(t, client.userId)).toEqual([])
    }
    const carrier = await t.logIn('carrier')
    expect((await carriersAs(carrier)).map((c) => c.name)).toEqual(['中国邮政五台县分公司'])
  })
})
