import { describe, expect, it } from 'vitest'
import {
  buildStraightLineMatrix,
  createStraightLineProvider,
  type TravelMatrixProvider,
} from '../../routing/index.js'
import { planDay, receiveAtHub, waitForPlan } from './test-support.js'
import { logisticsApp } from '../../test/fixtures.js'
import { claimLease, NODE_ID, releaseLease } from '../../platform/jobs/index.js'
import { failAbandonedPlans } from './plans.js'

// LOG-3 / LOG-4: a day's plan for the demo county respects every vehicle and every station.

interface Plan {
  id: string
  status: string
  progress: number
  summary: {
    stations: number
    parcels: number
    trips: number
    unassigned: unknown[]
    checkerViolations: string[]
  } | null
  trips: {
    vehicleId: string
    distanceKm: number
    driverUserId: string | null
    departureAt: string
    returnAt: string
    stops: { siteId: string; eta: string; deliveryKg: number; parcelCount: number }[]
  }[]
}

const TOWNS = [
  '豆村镇佛光村',
  '台城镇台城村',
  '东冶镇槐阴村',
  '茹村乡石岭村',
  '阳白乡李家庄村',
  '耿镇镇',
  '台怀镇杨林村',
]

describe('daily dispatch plan', () => {
  it('puts every carrier’s parcels for a station on one stop, within capacity, shifts and opening hours, and publishes it to the driver', async () => {
    const { db, logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const hub = await logIn('hub')
    const { items: carriers } = (
      await operator.request({ method: 'GET', url: '/api/organizations?type=carrier' })
    ).json<{ items: { id: string }[] }>()
    let n = 0
    for (const carrier of carriers) {
      const parcels = TOWNS.flatMap((town) =>
        Array.from({ length: 6 }, () => ({
          waybillNo: `WB${String(++n).padStart(8, '0')}`,
          recipientName: '收件人',
          recipientPhone: '13900000000',
          address: `五台县${town}`,
          weightKg: 12,
        })),
      )
      await operator.request({
        method: 'POST',
        url: '/api/logistics/parcels',
        payload: { carrierId: carrier.id, parcels },
      })
    }
    const waybills = (
      await db
        .selectFrom('parcel')
        .select('waybill_no')
        .where('destination_site_id', 'is not', null)
        .execute()
    ).map((p) => p.waybill_no)
    await receiveAtHub(hub, waybills)

    const started = await hub.request({
      method: 'POST',
      url: '/api/logistics/plans',
      payload: { serviceDate: '2026-12-01', timeLimitS: 1 },
    })
    expect(started.statusCode).toBe(202)
    const plan = await waitForPlan<Plan>(hub, started.json<Plan>().id)
    expect({ status: plan.status, error: (plan as Plan & { error: string | null }).error }).toEqual(
      { status: 'draft', error: null },
    )
    expect(plan.summary).toMatchObject({
      parcels: waybills.length,
      unassigned: [],
      checkerViolations: [],
    })

    // Joint delivery: one stop per station, carrying every carrier's parcels for it.
    const stops = plan.trips.flatMap((t) => t.stops)
    expect(new Set(stops.map((s) => s.siteId)).size).toBe(stops.length)
    expect(stops.reduce((sum, s) => sum + s.parcelCount, 0)).toBe(waybills.length)
    const vehicles = new Map(
      (await db.selectFrom('vehicle').selectAll().execute()).map((v) => [v.id, v]),
    )
    const sites = new Map(
      (await db.selectFrom('logistics_site').selectAll().execute()).map((s) => [s.id, s]),
    )
    const shanghaiClock = (iso: string) =>
      new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16)
    for (const trip of plan.trips) {
      const vehicle = vehicles.get(trip.vehicleId)
      expect(trip.stops.reduce((sum, s) => sum + s.deliveryKg, 0)).toBeLessThanOrEqual(
        vehicle?.capacity_kg ?? 0,
      )
      expect(shanghaiClock(trip.departureAt) >= (vehicle?.shift_start ?? '')).toBe(true)
      expect(shanghaiClock(trip.returnAt) <= (vehicle?.shift_end ?? '')).toBe(true)
      for (const stop of trip.stops) {
        const [open, close] = (sites.get(stop.siteId)?.opening_hours ?? '').split('-')
        expect(shanghaiClock(stop.eta) >= (open ?? '')).toBe(true)
        expect(shanghaiClock(stop.eta) <= (close ?? '')).toBe(true)
      }
    }

    expect(
      (
        await hub.request({ method: 'POST', url: `/api/logistics/plans/${plan.id}/publish` })
      ).json(),
    ).toMatchObject({ status: 'published' })
    const driver = await logIn('driver')
    const mine = (
      await driver.request({ method: 'GET', url: '/api/logistics/trips/mine?date=2026-12-01' })
    ).json<Plan['trips']>()
    expect(mine.every((t) => t.driverUserId === driver.userId)).toBe(true)
    expect(
      (await hub.request({ method: 'POST', url: `/api/logistics/plans/${plan.id}/publish` }))
        .statusCode,
    ).toBe(409)
  })

  it('lets the operator assign a driver, and the driver see the waybills of each stop of their trip', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const hub = await logIn('hub')
    const driver = await logIn('driver')
    const vehicles = (
      await operator.request({ method: 'GET', url: '/api/logistics/vehicles' })
    ).json<{ id: string; plate: string }[]>()
    // Every vehicle gets the demo driver, so whichever the planner uses is theirs.
    for (const v of vehicles)
      expect(
        (
          await operator.request({
            method: 'PATCH',
            url: `/api/logistics/vehicles/${v.id}`,
            payload: { driverUserId: driver.userId },
          })
        ).statusCode,
      ).toBe(200)
    expect(
      (
        await operator.request({
          method: 'PATCH',
          url: `/api/logistics/vehicles/${vehicles[0]?.id ?? ''}`,
          payload: { driverUserId: hub.userId },
        })
      ).statusCode,
    ).toBe(400)
    const carriers = (await hub.request({ method: 'GET', url: '/api/logistics/carriers' })).json<
      { id: string; name: string }[]
    >()
    expect(carriers.map((c) => c.name)).toContain('中国邮政五台县分公司')
    await operator.request({
      method: 'POST',
      url: '/api/logistics/parcels',
      payload: {
        carrierId: carriers[0]?.id,
        parcels: [
          {
            waybillNo: 'TRIP00000001',
            recipientName: '王五',
            recipientPhone: '13900000000',
            address: '五台县豆村镇佛光村',
            weightKg: 2,
          },
        ],
      },
    })
    await receiveAtHub(hub, ['TRIP00000001'])
    const planned = await planDay<Plan>(hub, '2026-12-04', 0.3)
    const listed = (
      await hub.request({ method: 'GET', url: '/api/logistics/plans?date=2026-12-04' })
    ).json<{ id: string; status: string }[]>()
    expect(listed).toEqual([expect.objectContaining({ id: planned.id, status: 'draft' })])
    await hub.request({ method: 'POST', url: `/api/logistics/plans/${planned.id}/publish` })
    const [trip] = (
      await driver.request({ method: 'GET', url: '/api/logistics/trips/mine?date=2026-12-04' })
    ).json<{ id: string }[]>()
    const parcels = (
      await driver.request({ method: 'GET', url: `/api/logistics/trips/${trip?.id ?? ''}/parcels` })
    ).json<{ waybillNo: string; recipientName: string }[]>()
    expect(parcels).toContainEqual(
      expect.objectContaining({ waybillNo: 'TRIP00000001', recipientName: '王*' }),
    )
  })

  it('reports a station no vehicle can carry instead of failing', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const hub = await logIn('hub')
    const {
      items: [carrier],
    } = (await operator.request({ method: 'GET', url: '/api/organizations?type=carrier' })).json<{
      items: { id: string }[]
    }>()
    // 4 tonnes for one station: more than the largest truck (3 t).
    const parcels = Array.from({ length: 5 }, (_, i) => ({
      waybillNo: `HEAVY000${i}`,
      recipientName: '合作社',
      recipientPhone: '13900000000',
      address: '五台县豆村镇佛光村',
      weightKg: 800,
    }))
    await operator.request({
      method: 'POST',
      url: '/api/logistics/parcels',
      payload: { carrierId: carrier?.id, parcels },
    })
    await receiveAtHub(
      hub,
      parcels.map((p) => p.waybillNo),
    )
    const plan = await planDay<Plan>(hub, '2026-12-02', 0.5)
    expect(plan.status).toBe('draft')
    expect(plan.summary?.unassigned).toEqual([
      expect.objectContaining({ siteName: '佛光村村级服务站', reason: 'capacity', parcels: 5 }),
    ])
  })
})

describe('road distances for planning', () => {
  async function planWith(roadMatrix: TravelMatrixProvider) {
    const { hub } = await hubWithParcels(roadMatrix)
    return planDay<Plan & { error: string | null }>(hub, '2026-12-03', 0.5)
  }

  async function hubWithParcels(roadMatrix: TravelMatrixProvider) {
    const app = await logisticsApp({ roadMatrix })
    const { logIn } = app
    const operator = await logIn('operator')
    const hub = await logIn('hub')
    const {
      items: [carrier],
    } = (await operator.request({ method: 'GET', url: '/api/organizations?type=carrier' })).json<{
      items: { id: string }[]
    }>()
    const parcels = ['豆村镇佛光村', '台城镇台城村'].map((town, i) => ({
      waybillNo: `ROAD000${i}`,
      recipientName: '收件人',
      recipientPhone: '13900000000',
      address: `五台县${town}`,
      weightKg: 5,
    }))
    await operator.request({
      method: 'POST',
      url: '/api/logistics/parcels',
      payload: { carrierId: carrier?.id, parcels },
    })
    await receiveAtHub(
      hub,
      parcels.map((p) => p.waybillNo),
    )
    return { ...app, hub }
  }

  it('fails a plan whose node died mid-solve, but not one another live node is solving (issue 14)', async () => {
    let answerMatrix: () => void = () => undefined
    const roadsAnswered = new Promise<void>((resolve) => (answerMatrix = resolve))
    const { db, hub } = await hubWithParcels({
      buildMatrix: async (points) => {
        await roadsAnswered
        return buildStraightLineMatrix(points)
      },
    })
    const solving = (
      await hub.request({
        method: 'POST',
        url: '/api/logistics/plans',
        payload: { serviceDate: '2026-12-03', timeLimitS: 0.5 },
      })
    ).json<Plan>()
    // A plan left 'planning' by a node that died: its lease lapsed a second ago.
    const orphan = (
      await hub.request({
        method: 'POST',
        url: '/api/logistics/plans',
        payload: { serviceDate: '2026-12-04', timeLimitS: 0.5 },
      })
    ).json<Plan>()
    const aSecondAgo = new Date(Date.now() - 1000).toISOString()
    await releaseLease(db, `dispatch-plan:${orphan.id}`, NODE_ID, aSecondAgo)
    expect(await claimLease(db, `dispatch-plan:${solving.id}`, 'other-node', aSecondAgo)).toBe(
      false,
    )

    expect(await failAbandonedPlans(db)).toBe(1)
    answerMatrix()
    expect((await waitForPlan<Plan>(hub, solving.id)).status).toBe('draft')
    expect((await waitForPlan<Plan>(hub, orphan.id)).status).toBe('failed')
  })

  it('plans on the configured road service’s matrix (OSRM), fetched once for the hub and the stations', async () => {
    const requested: number[] = []
    const plan = await planWith({
      buildMatrix: (points) => {
        requested.push(points.length)
        // Roads twice as long and slow as the straight-line estimate.
        const estimate = buildStraightLineMatrix(points)
        return Promise.resolve({
          size: estimate.size,
          distancesM: estimate.distancesM.map((d) => d * 2),
          durationsS: estimate.durationsS.map((t) => t * 2),
        })
      },
    })
    expect(plan.status).toBe('draft')
    expect(requested).toEqual([3])
    // Two stations and the hub: both plans visit them on the best loop, so the distances the
    // plan reports are the road service's — twice the straight-line estimate.
    const straight = await planWith(createStraightLineProvider())
    const km = (p: Plan) => p.trips.reduce((sum, t) => sum + t.distanceKm, 0)
    expect(km(straight)).toBeGreaterThan(0)
    expect(km(plan) / km(straight)).toBeCloseTo(2, 1)
  })

  it('fails the plan with the road service’s error instead of guessing when it is down', async () => {
    const plan = await planWith({
      buildMatrix: () =>
        Promise.reject(new Error('OSRM table request failed: connect ECONNREFUSED')),
    })
    expect(plan.status).toBe('failed')
    expect(plan.error).toContain('ECONNREFUSED')
  })
})
