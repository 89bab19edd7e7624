import { describe, expect, it } from 'vitest'
import { planDay, receiveAtHub } from './test-support.js'
import { logisticsApp } from '../../test/fixtures.js'

// LOG-3: a clerk adjusts a draft: a move that fits is applied with new ETAs, one that overloads a
// vehicle is refused with the reason, and locked trips do not change.

interface Plan {
  id: string
  status: string
  summary: { trips: number }
  trips: {
    id: string
    vehicleId: string
    locked: boolean
    stops: { siteId: string; eta: string; deliveryKg: number }[]
  }[]
}

const VILLAGES = ['豆村镇佛光村', '台城镇台城村', '东冶镇槐阴村', '茹村乡石岭村', '阳白乡李家庄村']

describe('adjusting a draft plan', () => {
  it('moves a station to a trip with room, refuses one without, and keeps locked trips as they are', async () => {
    const { db, logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const hub = await logIn('hub')
    const [carrier] = (await hub.request({ method: 'GET', url: '/api/logistics/carriers' })).json<
      { id: string }[]
    >()
    // 700 kg for each of five stations: more than any one vehicle carries.
    const parcels = VILLAGES.map((village, i) => ({
      waybillNo: `MOVE0000000${i}`,
      recipientName: '合作社',
      recipientPhone: '13900000000',
      address: `五台县${village}`,
      weightKg: 700,
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
    const plan = await planDay<Plan>(hub, '2026-12-05', 0.5)
    expect(plan.trips.length).toBeGreaterThan(1)

    const capacity = new Map(
      (await db.selectFrom('vehicle').select(['id', 'capacity_kg']).execute()).map((v) => [
        v.id,
        v.capacity_kg,
      ]),
    )
    const spare = (trip: Plan['trips'][number]) =>
      (capacity.get(trip.vehicleId) ?? 0) - trip.stops.reduce((sum, s) => sum + s.deliveryKg, 0)
    const roomy = plan.trips.find((t) => spare(t) >= 700)
    const full = plan.trips.find((t) => spare(t) < 700)
    if (!roomy || !full) throw new Error('the plan should have a trip with room and one without')
    const fromFull = full.stops[0]?.siteId ?? ''
    const fromElsewhere = plan.trips.find((t) => t.id !== full.id)?.stops[0]?.siteId ?? ''

    const refused = await hub.request({
      method: 'POST',
      url: `/api/logistics/plans/${plan.id}/moves`,
      payload: { siteId: fromElsewhere, toTripId: full.id, position: 1 },
    })
    expect(refused.statusCode).toBe(409)
    // The reason names the plate and capacity in both languages, not the checker's vehicle ids.
    const reason = refused.json<{ detail: string; detailZh: string }>()
    expect(reason.detail).toMatch(
      /^the move breaks the plan: 晋H\w+ carries \d+ kg .*capacity of \d+ kg/,
    )
    expect(reason.detailZh).toMatch(/^调整后计划不可行：晋H\w+ .*装载 \d+ kg，超过核定的 \d+ kg/)

    if (roomy.id !== full.id) {
      await hub.request({
        method: 'PUT',
        url: `/api/logistics/trips/${roomy.id}/lock`,
        payload: { locked: true },
      })
      expect(
        (
          await hub.request({
            method: 'POST',
            url: `/api/logistics/plans/${plan.id}/moves`,
            payload: { siteId: fromFull, toTripId: roomy.id, position: 99 },
          })
        ).statusCode,
      ).toBe(409)
      await hub.request({
        method: 'PUT',
        url: `/api/logistics/trips/${roomy.id}/lock`,
        payload: { locked: false },
      })
    }
    const moved = await hub.request({
      method: 'POST',
      url: `/api/logistics/plans/${plan.id}/moves`,
      payload: { siteId: fromFull, toTripId: roomy.id, position: 99 },
    })
    expect(moved.statusCode).toBe(200)
    const after = moved.json<Plan>()
    const target = after.trips.find((t) => t.id === roomy.id)
    expect(target?.stops.at(-1)?.siteId).toBe(fromFull)
    expect(target?.stops.map((s) => s.eta)).toEqual(
      [...(target?.stops.map((s) => s.eta) ?? [])].sort(),
    )
    for (const trip of after.trips) expect(spare(trip)).toBeGreaterThanOrEqual(0)
    expect(after.trips.flatMap((t) => t.stops)).toHaveLength(5)
    expect(after.summary.trips).toBe(after.trips.length)
  })
})
