import type { Db } from '../../db/database.js'
import { usersWithRole } from '../../platform/accounts/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Actor } from '../../platform/http/index.js'
import { conflict, invalidField, notFound } from '../../shared/errors.js'
import type { PlanSummary } from './dispatch-schema.js'
import type { AssignTripBody } from './fleet-schema.js'

// Issue 15 (LOG-3, LOG-5): the clerk gives a planned trip its driver and vehicle before the plan
// is published. The stops stay as planned, so another vehicle must be based at the same site,
// carry the trip's heaviest load, work a shift that covers the trip, and be free in this plan.

/** Local (Asia/Shanghai) HH:MM of a UTC instant. */
const localClock = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16)

/** The most a vehicle carries at once on a trip: deliveries not yet dropped plus pickups collected. */
function peakLoad(
  stops: readonly {
    delivery_kg: number
    delivery_m3: number
    pickup_kg: number
    pickup_m3: number
  }[],
): { kg: number; m3: number } {
  let kg = stops.reduce((sum, s) => sum + s.delivery_kg, 0)
  let m3 = stops.reduce((sum, s) => sum + s.delivery_m3, 0)
  let peakKg = kg
  let peakM3 = m3
  for (const stop of stops) {
    kg += stop.pickup_kg - stop.delivery_kg
    m3 += stop.pickup_m3 - stop.delivery_m3
    peakKg = Math.max(peakKg, kg)
    peakM3 = Math.max(peakM3, m3)
  }
  return { kg: peakKg, m3: peakM3 }
}

/** Assigns the trip's driver and/or vehicle; answers the plan's id. */
export async function assignTrip(
  db: Db,
  actor: Actor,
  tripId: string,
  body: AssignTripBody,
): Promise<string> {
  const trip = await db
    .selectFrom('trip')
    .innerJoin('dispatch_plan as plan', 'plan.id', 'trip.plan_id')
    .selectAll('trip')
    .select(['plan.status', 'plan.summary_json'])
    .where('trip.id', '=', tripId)
    .executeTakeFirst()
  if (!trip) throw notFound({ en: 'trip', zh: '车次' }, tripId)
  if (trip.status !== 'draft')
    throw conflict({
      en: 'drivers and vehicles are assigned before the plan is published',
      zh: '只能在计划发布前指派司机和车辆',
    })
  if (trip.locked === 1)
    throw conflict({
      en: 'this trip is locked; unlock it to change its driver or vehicle',
      zh: '该车次已锁定，解锁后才能更换司机或车辆',
    })
  const others = await db
    .selectFrom('trip')
    .innerJoin('vehicle', 'vehicle.id', 'trip.vehicle_id')
    .select(['trip.vehicle_id', 'trip.driver_user_id', 'vehicle.plate'])
    .where('trip.plan_id', '=', trip.plan_id)
    .where('trip.id', '<>', tripId)
    .execute()

  let vehicleId = trip.vehicle_id
  let costFen = trip.cost_fen
  if (body.vehicleId !== undefined && body.vehicleId !== trip.vehicle_id) {
    const [current, vehicle] = await Promise.all([
      db.selectFrom('vehicle').selectAll().where('id', '=', trip.vehicle_id).executeTakeFirst(),
      db.selectFrom('vehicle').selectAll().where('id', '=', body.vehicleId).executeTakeFirst(),
    ])
    if (!vehicle) throw invalidField('vehicleId', { en: 'no such vehicle', zh: '车辆不存在' })
    const refuse = (en: string, zh: string) => conflict({ en, zh }, 'vehicleId')
    if (vehicle.active !== 1)
      throw refuse(`${vehicle.plate} is out of service`, `车辆 ${vehicle.plate} 已停用`)
    const busy = others.find((o) => o.vehicle_id === vehicle.id)
    if (busy)
      throw refuse(
        `${vehicle.plate} already drives another trip of this plan`,
        `车辆 ${vehicle.plate} 已安排在本计划的其他车次`,
      )
    if (current && current.home_site_id !== vehicle.home_site_id)
      throw refuse(
        `${vehicle.plate} is based elsewhere; the trip starts from ${current.plate}'s base`,
        `车辆 ${vehicle.plate} 不驻在本车次的出发地`,
      )
    const stops = await db
      .selectFrom('trip_stop')
      .select(['delivery_kg', 'delivery_m3', 'pickup_kg', 'pickup_m3'])
      .where('trip_id', '=', tripId)
      .orderBy('seq')
      .execute()
    const load = peakLoad(stops)
    if (load.kg > vehicle.capacity_kg + 1e-6)
      throw refuse(
        `${vehicle.plate} carries ${vehicle.capacity_kg} kg; this trip loads ${Math.ceil(load.kg)} kg`,
        `车辆 ${vehicle.plate} 载重 ${vehicle.capacity_kg} kg，本车次装载 ${Math.ceil(load.kg)} kg，超载`,
      )
    if (load.m3 > vehicle.capacity_m3 + 1e-6)
      throw refuse(
        `${vehicle.plate} holds ${vehicle.capacity_m3} m³; this trip loads ${load.m3.toFixed(2)} m³`,
        `车辆 ${vehicle.plate} 容积 ${vehicle.capacity_m3} m³，本车次装载 ${load.m3.toFixed(2)} m³，超出容积`,
      )
    const departs = localClock(trip.departure_at)
    const returns = localClock(trip.return_at)
    if (departs < vehicle.shift_start || returns > vehicle.shift_end)
      throw refuse(
        `${vehicle.plate} works ${vehicle.shift_start}–${vehicle.shift_end}; the trip runs ${departs}–${returns}`,
        `车辆 ${vehicle.plate} 班次 ${vehicle.shift_start}–${vehicle.shift_end}，本车次 ${departs}–${returns}`,
      )
    vehicleId = vehicle.id
    costFen = Math.round(
      vehicle.fixed_cost_fen +
        (vehicle.cost_per_km_fen * trip.distance_m) / 1000 +
        (vehicle.cost_per_hour_fen * trip.duration_s) / 3600,
    )
  }

  let driverUserId = trip.driver_user_id
  if (body.driverUserId !== undefined && body.driverUserId !== trip.driver_user_id) {
    if (body.driverUserId !== null) {
      const driver = (await usersWithRole(db, 'driver')).find((d) => d.id === body.driverUserId)
      if (!driver)
        throw invalidField('driverUserId', {
          en: 'this user is not a driver',
          zh: '该用户不是司机',
        })
      if (driver.status !== 'active')
        throw conflict(
          { en: `${driver.displayName} is disabled`, zh: `司机 ${driver.displayName} 已停用` },
          'driverUserId',
        )
      const busy = others.find((o) => o.driver_user_id === driver.id)
      if (busy)
        throw conflict(
          {
            en: `${driver.displayName} already drives ${busy.plate} in this plan`,
            zh: `司机 ${driver.displayName} 已安排驾驶本计划的 ${busy.plate}`,
          },
          'driverUserId',
        )
    }
    driverUserId = body.driverUserId
  }

  await db
    .updateTable('trip')
    .set({ vehicle_id: vehicleId, driver_user_id: driverUserId, cost_fen: costFen })
    .where('id', '=', tripId)
    .execute()
  if (costFen !== trip.cost_fen && trip.summary_json !== null) {
    const summary = JSON.parse(trip.summary_json) as PlanSummary
    summary.costFen += costFen - trip.cost_fen
    await db
      .updateTable('dispatch_plan')
      .set({ summary_json: JSON.stringify(summary) })
      .where('id', '=', trip.plan_id)
      .execute()
  }
  await recordAudit(db, actor, {
    action: 'trip.assign',
    entityType: 'trip',
    entityId: tripId,
    organizationId: null,
    before: {
      vehicleId: trip.vehicle_id,
      driverUserId: trip.driver_user_id,
      costFen: trip.cost_fen,
    },
    after: { vehicleId, driverUserId, costFen },
  })
  return trip.plan_id
}
