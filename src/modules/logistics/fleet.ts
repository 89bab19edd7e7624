import type { Db } from '../../db/database.js'
import { holdsRole } from '../../platform/accounts/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Actor } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import type {
  CreateVehicleBody,
  UpdateVehicleBody,
  Vehicle,
  VehicleTable,
} from './dispatch-schema.js'

// LOG-3: the alliance's vehicles, each based at a hub.

export const toVehicle = (row: VehicleTable): Vehicle => ({
  id: row.id,
  plate: row.plate,
  name: row.name,
  capacityKg: row.capacity_kg,
  capacityM3: row.capacity_m3,
  shiftStart: row.shift_start,
  shiftEnd: row.shift_end,
  homeSiteId: row.home_site_id,
  fixedCostFen: row.fixed_cost_fen,
  costPerKmFen: row.cost_per_km_fen,
  costPerHourFen: row.cost_per_hour_fen,
  driverUserId: row.driver_user_id,
  active: row.active === 1,
})

/** The fleet by plate; `q` matches the plate or the name (issue 15: the console's search). */
export async function listVehicles(db: Db, q?: string): Promise<Vehicle[]> {
  let query = db.selectFrom('vehicle').selectAll()
  const text = q?.trim().toLowerCase()
  if (text) {
    const pattern = `%${text}%`
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['plate']), 'like', pattern),
        eb(eb.fn('lower', ['name']), 'like', pattern),
      ]),
    )
  }
  return (await query.orderBy('plate').execute()).map(toVehicle)
}

async function assertHome(db: Db, siteId: string) {
  const site = await db
    .selectFrom('logistics_site')
    .select(['id', 'kind'])
    .where('id', '=', siteId)
    .executeTakeFirst()
  if (!site || site.kind === 'village')
    throw invalidField('homeSiteId', {
      en: 'must be a hub or township station',
      zh: '车辆须驻在物流中心或乡镇站',
    })
}

export async function createVehicle(
  db: Db,
  actor: Actor,
  body: CreateVehicleBody,
): Promise<Vehicle> {
  if (body.shiftEnd <= body.shiftStart)
    throw invalidField('shiftEnd', {
      en: 'must be after the shift start',
      zh: '收车时间须晚于出车时间',
    })
  const hub = body.homeSiteId
    ? await db
        .selectFrom('logistics_site')
        .select(['id', 'kind'])
        .where('id', '=', body.homeSiteId)
        .executeTakeFirst()
    : await db
        .selectFrom('logistics_site')
        .select(['id', 'kind'])
        .where('kind', '=', 'hub')
        .orderBy('created_at')
        .executeTakeFirst()
  if (!hub || hub.kind === 'village')
    throw invalidField('homeSiteId', {
      en: 'must be a hub or township station',
      zh: '车辆须驻在物流中心或乡镇站',
    })
  if (
    await db.selectFrom('vehicle').select('id').where('plate', '=', body.plate).executeTakeFirst()
  ) {
    throw conflict(
      { en: `a vehicle with plate ${body.plate} exists`, zh: `车牌 ${body.plate} 已存在` },
      'plate',
    )
  }
  const now = nowIso()
  const row: VehicleTable = {
    id: newId(),
    plate: body.plate,
    name: body.name,
    capacity_kg: body.capacityKg,
    capacity_m3: body.capacityM3,
    shift_start: body.shiftStart,
    shift_end: body.shiftEnd,
    max_duration_s: null,
    home_site_id: hub.id,
    fixed_cost_fen: body.fixedCostFen ?? 10_000,
    cost_per_km_fen: body.costPerKmFen ?? 150,
    cost_per_hour_fen: body.costPerHourFen ?? 3_000,
    driver_user_id: body.driverUserId ?? null,
    active: 1,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('vehicle').values(row).execute()
  await recordAudit(db, actor, {
    action: 'vehicle.create',
    entityType: 'vehicle',
    entityId: row.id,
    organizationId: null,
    after: toVehicle(row),
  })
  return toVehicle(row)
}

/** Assign a driver, change capacity or shift, or take a vehicle out of service. */
export async function updateVehicle(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateVehicleBody,
): Promise<Vehicle> {
  const before = await db.selectFrom('vehicle').selectAll().where('id', '=', id).executeTakeFirst()
  if (!before) throw notFound({ en: 'vehicle', zh: '车辆' }, id)
  const shiftStart = body.shiftStart ?? before.shift_start
  const shiftEnd = body.shiftEnd ?? before.shift_end
  if (shiftEnd <= shiftStart)
    throw invalidField('shiftEnd', {
      en: 'must be after the shift start',
      zh: '收车时间须晚于出车时间',
    })
  if (body.homeSiteId !== undefined) await assertHome(db, body.homeSiteId)
  if (body.driverUserId) {
    if (!(await holdsRole(db, body.driverUserId, 'driver')))
      throw invalidField('driverUserId', { en: 'this user is not a driver', zh: '该用户不是司机' })
  }
  await db
    .updateTable('vehicle')
    .set({
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.capacityKg !== undefined ? { capacity_kg: body.capacityKg } : {}),
      ...(body.capacityM3 !== undefined ? { capacity_m3: body.capacityM3 } : {}),
      shift_start: shiftStart,
      shift_end: shiftEnd,
      ...(body.driverUserId !== undefined ? { driver_user_id: body.driverUserId } : {}),
      ...(body.homeSiteId !== undefined ? { home_site_id: body.homeSiteId } : {}),
      ...(body.fixedCostFen !== undefined ? { fixed_cost_fen: body.fixedCostFen } : {}),
      ...(body.costPerKmFen !== undefined ? { cost_per_km_fen: body.costPerKmFen } : {}),
      ...(body.costPerHourFen !== undefined ? { cost_per_hour_fen: body.costPerHourFen } : {}),
      ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute()
  const after = toVehicle(
    await db.selectFrom('vehicle').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  )
  await recordAudit(db, actor, {
    action: 'vehicle.update',
    entityType: 'vehicle',
    entityId: id,
    organizationId: null,
    before: toVehicle(before),
    after,
  })
  return after
}
