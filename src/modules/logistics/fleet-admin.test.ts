import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { logisticsApp } from '../../test/fixtures.js'
import type { Client } from '../../test/test-app.js'
import { planDay, receiveAtHub } from './test-support.js'

// Issue 15 (LOG-1, LOG-2, LOG-3, LOG-5): the operator keeps the alliance's carriers (with their
// waybill prefixes), the vehicles and the drivers in the console, and gives a planned trip its
// driver and vehicle; the driver then sees it.

const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field)

async function sheetRows(client: Client, url: string): Promise<unknown[][]> {
  const download = await client.request({ method: 'GET', url })
  expect(download.statusCode).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer)
  const rows: unknown[][] = []
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

interface Carrier {
  id: string
  name: string
  status: string
  prefixes: string[]
}

describe('carriers of the alliance', () => {
  it('registers a carrier with its waybill prefixes, keeps prefixes unique, suspends and exports', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const created = await operator.request({
      method: 'POST',
      url: '/api/logistics/alliance/carriers',
      payload: {
        name: '韵达快递五台网点',
        contactName: '王经理',
        contactPhone: '13800000001',
        prefixes: ['YD', 'YDX'],
      },
    })
    expect(created.statusCode).toBe(201)
    const carrier = created.json<Carrier>()
    expect(carrier).toMatchObject({ status: 'active', prefixes: ['YD', 'YDX'] })

    // A prefix another carrier holds is refused, and nothing of the second carrier is kept.
    const clash = await operator.request({
      method: 'POST',
      url: '/api/logistics/alliance/carriers',
      payload: { name: '另一家快递', prefixes: ['ZT', 'YD'] },
    })
    expect(clash.statusCode).toBe(409)
    expect(fieldsOf(clash.json())).toEqual(['prefixes'])
    const search = (q: string) =>
      operator
        .request({
          method: 'GET',
          url: `/api/logistics/alliance/carriers?q=${encodeURIComponent(q)}`,
        })
        .then((r) => r.json<{ items: Carrier[]; total: number }>())
    expect((await search('另一家')).total).toBe(0)
    expect((await search('ydx')).items.map((c) => c.id)).toEqual([carrier.id])

    const twice = await operator.request({
      method: 'POST',
      url: '/api/logistics/alliance/carriers',
      payload: { name: '重复前缀快递', prefixes: ['QQ', 'QQ'] },
    })
    expect(twice.statusCode).toBe(400)
    expect(fieldsOf(twice.json())).toEqual(['prefixes'])
    const badPrefix = await operator.request({
      method: 'POST',
      url: '/api/logistics/alliance/carriers',
      payload: { name: '小写前缀快递', prefixes: ['yd-1'] },
    })
    expect(badPrefix.statusCode).toBe(400)

    // Edit the prefixes and suspend: the carrier leaves the filters of active carriers.
    const edited = await operator.request({
      method: 'PATCH',
      url: `/api/logistics/alliance/carriers/${carrier.id}`,
      payload: { prefixes: ['YD'], status: 'suspended', contactPhone: '13800000002' },
    })
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({ status: 'suspended', prefixes: ['YD'] })
    const options = (
      await operator.request({ method: 'GET', url: '/api/logistics/carriers' })
    ).json<{ id: string }[]>()
    expect(options.map((o) => o.id)).not.toContain(carrier.id)
    // YDX is free again for another carrier.
    expect(
      (
        await operator.request({
          method: 'POST',
          url: '/api/logistics/alliance/carriers',
          payload: { name: '新快递公司', prefixes: ['YDX'] },
        })
      ).statusCode,
    ).toBe(201)

    const rows = await sheetRows(operator, '/api/logistics/alliance/carriers.xlsx')
    expect(rows[0]).toEqual([
      '快递公司',
      '统一社会信用代码',
      '运单号前缀',
      '联系人',
      '联系电话',
      '状态',
    ])
    expect(rows).toContainEqual([
      '韵达快递五台网点',
      undefined,
      'YD',
      '王经理',
      '13800000002',
      '已停用',
    ])

    // A carrier's own people and drivers do not manage the alliance.
    const carrierAdmin = await logIn('carrier')
    expect(
      (
        await carrierAdmin.request({
          method: 'POST',
          url: '/api/logistics/alliance/carriers',
          payload: { name: '自建快递', prefixes: ['ZZ'] },
        })
      ).statusCode,
    ).toBe(403)
  })
})

describe('vehicles and drivers', () => {
  it('validates a plate, searches and exports the fleet, and takes a vehicle out of service', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const vehicle = {
      plate: '晋H9F888',
      name: '福田冷藏车',
      capacityKg: 2000,
      capacityM3: 10,
      shiftStart: '06:00',
      shiftEnd: '20:00',
      fixedCostFen: 15000,
      costPerKmFen: 180,
    }
    const badPlate = await operator.request({
      method: 'POST',
      url: '/api/logistics/vehicles',
      payload: { ...vehicle, plate: 'AB12345' },
    })
    expect(badPlate.statusCode).toBe(400)
    expect(JSON.stringify(badPlate.json())).toContain('plate')
    const badShift = await operator.request({
      method: 'POST',
      url: '/api/logistics/vehicles',
      payload: { ...vehicle, shiftEnd: '05:00' },
    })
    expect(fieldsOf(badShift.json())).toEqual(['shiftEnd'])
    const created = await operator.request({
      method: 'POST',
      url: '/api/logistics/vehicles',
      payload: vehicle,
    })
    expect(created.statusCode).toBe(201)
    const { id } = created.json<{ id: string }>()
    const again = await operator.request({
      method: 'POST',
      url: '/api/logistics/vehicles',
      payload: vehicle,
    })
    expect(again.statusCode).toBe(409)
    expect(fieldsOf(again.json())).toEqual(['plate'])

    const found = (
      await operator.request({
        method: 'GET',
        url: `/api/logistics/vehicles?q=${encodeURIComponent('冷藏')}`,
      })
    ).json<{ plate: string }[]>()
    expect(found.map((v) => v.plate)).toEqual(['晋H9F888'])
    const edited = await operator.request({
      method: 'PATCH',
      url: `/api/logistics/vehicles/${id}`,
      payload: { active: false, costPerKmFen: 200 },
    })
    expect(edited.json()).toMatchObject({ active: false, costPerKmFen: 200 })

    const rows = await sheetRows(
      operator,
      `/api/logistics/vehicles.xlsx?q=${encodeURIComponent('晋H9F')}`,
    )
    expect(rows[1]).toEqual([
      '晋H9F888',
      '福田冷藏车',
      2000,
      10,
      150,
      2,
      30,
      '06:00',
      '20:00',
      expect.any(String),
      '停用',
    ])
  })

  it('creates a driver in the hub with licence and default vehicle, searches, exports and disables', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const vehicles = (
      await operator.request({ method: 'GET', url: '/api/logistics/vehicles' })
    ).json<{ id: string; plate: string; driverUserId: string | null }[]>()
    const free = vehicles.find((v) => v.driverUserId === null)
    const taken = vehicles.find((v) => v.driverUserId !== null)
    const driver = {
      username: 'driver.li',
      displayName: '李师傅',
      password: 'secret-pass-1',
      phone: '13900001111',
      licenceClass: 'B2',
      vehicleId: free?.id,
    }
    const created = await operator.request({
      method: 'POST',
      url: '/api/logistics/drivers',
      payload: driver,
    })
    expect(created.statusCode).toBe(201)
    const li = created.json<{ id: string }>()
    expect(created.json()).toMatchObject({
      displayName: '李师傅',
      licenceClass: 'B2',
      vehiclePlate: free?.plate,
      status: 'active',
    })
    const duplicate = await operator.request({
      method: 'POST',
      url: '/api/logistics/drivers',
      payload: { ...driver, vehicleId: null },
    })
    expect(duplicate.statusCode).toBe(409)
    expect(fieldsOf(duplicate.json())).toEqual(['username'])
    // A vehicle that has a default driver is not given a second one, and nothing is written.
    const busyVehicle = await operator.request({
      method: 'POST',
      url: '/api/logistics/drivers',
      payload: { ...driver, username: 'driver.zhao', vehicleId: taken?.id },
    })
    expect(busyVehicle.statusCode).toBe(409)
    expect(fieldsOf(busyVehicle.json())).toEqual(['vehicleId'])
    const badLicence = await operator.request({
      method: 'POST',
      url: '/api/logistics/drivers',
      payload: { ...driver, username: 'driver.qian', licenceClass: 'Z9' },
    })
    expect(badLicence.statusCode).toBe(400)

    const list = (
      await operator.request({ method: 'GET', url: '/api/logistics/drivers?q=1390000' })
    ).json<{ items: { username: string }[]; total: number }>()
    expect(list.items.map((d) => d.username)).toEqual(['driver.li'])
    const rows = await sheetRows(operator, '/api/logistics/drivers.xlsx')
    expect(rows).toContainEqual(['李师傅', 'driver.li', '13900001111', 'B2', free?.plate, '正常'])

    expect((await logIn('driver.li', 'secret-pass-1')).userId).toBe(li.id)
    const disabled = await operator.request({
      method: 'PATCH',
      url: `/api/logistics/drivers/${li.id}`,
      payload: { status: 'disabled', licenceClass: 'C1' },
    })
    expect(disabled.json()).toMatchObject({ status: 'disabled', licenceClass: 'C1' })
    await expect(logIn('driver.li', 'secret-pass-1')).rejects.toThrow(/failed/)

    // Drivers' phone numbers are not for other drivers.
    const otherDriver = await logIn('driver')
    expect(
      (await otherDriver.request({ method: 'GET', url: '/api/logistics/drivers' })).statusCode,
    ).toBe(403)
  })
})

interface Plan {
  id: string
  status: string
  summary: { costFen: number }
  trips: {
    id: string
    vehicleId: string
    vehiclePlate: string
    driverUserId: string | null
    costFen: number
    stops: { deliveryKg: number }[]
  }[]
}

const VILLAGES = ['豆村镇佛光村', '台城镇台城村', '东冶镇槐阴村']

describe('assigning a driver and a vehicle to a planned trip', () => {
  it('assigns within the rules, refuses what breaks them naming the field, and the driver sees the trip', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const hub = await logIn('hub')
    const [carrier] = (await hub.request({ method: 'GET', url: '/api/logistics/carriers' })).json<
      { id: string }[]
    >()
    // 1,200 kg for each of three stations: more than the largest vehicle (3,000 kg) carries.
    const parcels = VILLAGES.flatMap((village, i) =>
      [0, 1].map((j) => ({
        waybillNo: `ASSIGN00${i}${j}`,
        recipientName: '合作社',
        recipientPhone: '13900000000',
        address: `五台县${village}`,
        weightKg: 600,
      })),
    )
    await operator.request({
      method: 'POST',
      url: '/api/logistics/parcels',
      payload: { carrierId: carrier?.id, parcels },
    })
    await receiveAtHub(
      hub,
      parcels.map((p) => p.waybillNo),
    )
    const plan = await planDay<Plan>(hub, '2026-12-09', 0.5)
    expect(plan.trips.length).toBeGreaterThan(1)
    const [first, second] = plan.trips as [Plan['trips'][number], Plan['trips'][number]]
    const load = first.stops.reduce((sum, s) => sum + s.deliveryKg, 0)
    expect(load).toBeGreaterThanOrEqual(1200)

    const addVehicle = async (plate: string, capacityKg: number, active = true) => {
      const { id } = (
        await operator.request({
          method: 'POST',
          url: '/api/logistics/vehicles',
          payload: {
            plate,
            name: plate,
            capacityKg,
            capacityM3: 20,
            shiftStart: '05:00',
            shiftEnd: '22:00',
            fixedCostFen: 1000,
            costPerKmFen: 100,
            costPerHourFen: 0,
          },
        })
      ).json<{ id: string }>()
      if (!active)
        await operator.request({
          method: 'PATCH',
          url: `/api/logistics/vehicles/${id}`,
          payload: { active: false },
        })
      return id
    }
    const small = await addVehicle('晋H1A001', 500)
    const retired = await addVehicle('晋H1A002', 5000, false)
    const big = await addVehicle('晋H1A003', 5000)
    const assign = (tripId: string, payload: object) =>
      hub.request({ method: 'PUT', url: `/api/logistics/trips/${tripId}/assignment`, payload })

    const overloaded = await assign(first.id, { vehicleId: small })
    expect(overloaded.statusCode).toBe(409)
    expect(fieldsOf(overloaded.json())).toEqual(['vehicleId'])
    expect(overloaded.json<{ detail: string }>().detail).toContain('晋H1A001')
    const outOfService = await assign(first.id, { vehicleId: retired })
    expect(outOfService.statusCode).toBe(409)
    expect(fieldsOf(outOfService.json())).toEqual(['vehicleId'])
    const busy = await assign(first.id, { vehicleId: second.vehicleId })
    expect(busy.statusCode).toBe(409)
    expect(fieldsOf(busy.json())).toEqual(['vehicleId'])

    const li = (
      await operator.request({
        method: 'POST',
        url: '/api/logistics/drivers',
        payload: {
          username: 'driver.li',
          displayName: '李师傅',
          password: 'secret-pass-1',
          phone: '13900001111',
          licenceClass: 'B2',
        },
      })
    ).json<{ id: string }>()
    const assigned = await assign(first.id, { vehicleId: big, driverUserId: li.id })
    expect(assigned.statusCode).toBe(200)
    const after = assigned.json<Plan>()
    const trip = after.trips.find((t) => t.id === first.id)
    expect(trip).toMatchObject({ vehicleId: big, vehiclePlate: '晋H1A003', driverUserId: li.id })
    // The trip now costs what the new vehicle costs, and so does the plan.
    expect(after.summary.costFen - plan.summary.costFen).toBe((trip?.costFen ?? 0) - first.costFen)

    const twice = await assign(second.id, { driverUserId: li.id })
    expect(twice.statusCode).toBe(409)
    expect(fieldsOf(twice.json())).toEqual(['driverUserId'])
    const notADriver = await assign(second.id, { driverUserId: operator.userId })
    expect(fieldsOf(notADriver.json())).toEqual(['driverUserId'])

    expect(
      (await hub.request({ method: 'POST', url: `/api/logistics/plans/${plan.id}/publish` }))
        .statusCode,
    ).toBe(200)
    const driver = await logIn('driver.li', 'secret-pass-1')
    const mine = (
      await driver.request({ method: 'GET', url: '/api/logistics/trips/mine?date=2026-12-09' })
    ).json<Plan['trips']>()
    expect(mine.map((t) => [t.id, t.vehiclePlate])).toEqual([[first.id, '晋H1A003']])
    // Once published the assignment stays.
    expect((await assign(second.id, { driverUserId: null })).statusCode).toBe(409)
  })
})
