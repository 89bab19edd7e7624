import type { Db } from '../../db/database.js'
import {
  createUser,
  holdsRole,
  oldestActiveOrganizationOf,
  updateUser,
  usersWithRole,
  type RevokeSessions,
} from '../../platform/accounts/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Actor, Page } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../shared/errors.js'
import type { CreateDriverBody, Driver, FleetListQuery, UpdateDriverBody } from './fleet-schema.js'

// Issue 15 (LOG-3, LOG-5): the hub's drivers in the console. A driver is a user with the
// `driver` role in the hub's organization (accounts owns users); logistics keeps the licence
// class, and the default vehicle is the vehicle's `driver_user_id`.

const DRIVER = { en: 'driver', zh: '司机' }

/** Every driver, with licence class and default vehicle, by name. */
export async function allDrivers(db: Db): Promise<Driver[]> {
  const users = await usersWithRole(db, 'driver')
  const ids = [...users.map((u) => u.id), '']
  const profiles = new Map(
    (
      await db
        .selectFrom('driver_profile')
        .select(['user_id', 'licence_class'])
        .where('user_id', 'in', ids)
        .execute()
    ).map((p) => [p.user_id, p.licence_class]),
  )
  const vehicles = new Map(
    (
      await db
        .selectFrom('vehicle')
        .select(['id', 'plate', 'driver_user_id'])
        .where('driver_user_id', 'in', ids)
        .orderBy('plate')
        .execute()
    ).map((v) => [v.driver_user_id, v]),
  )
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    status: u.status,
    licenceClass: profiles.get(u.id) ?? null,
    vehicleId: vehicles.get(u.id)?.id ?? null,
    vehiclePlate: vehicles.get(u.id)?.plate ?? null,
  }))
}

/** Drivers matching `q` (name, username, phone or plate), a page at a time. */
export async function listDrivers(db: Db, query: FleetListQuery): Promise<Page<Driver>> {
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? 20
  const q = query.q?.trim().toLowerCase()
  const matching = (await allDrivers(db)).filter(
    (d) =>
      !q ||
      [d.displayName, d.username, d.phone ?? '', d.vehiclePlate ?? ''].some((text) =>
        text.toLowerCase().includes(q),
      ),
  )
  return {
    items: matching.slice((page - 1) * pageSize, page * pageSize),
    total: matching.length,
    page,
    pageSize,
  }
}

async function getDriver(db: Db, id: string): Promise<Driver> {
  const driver = (await allDrivers(db)).find((d) => d.id === id)
  if (!driver) throw notFound(DRIVER, id)
  return driver
}

/** Makes the vehicle this driver's default (and no other vehicle's); null: none. */
async function setDefaultVehicle(db: Db, userId: string, vehicleId: string | null): Promise<void> {
  if (vehicleId !== null) {
    const vehicle = await db
      .selectFrom('vehicle')
      .select(['id', 'active', 'driver_user_id', 'plate'])
      .where('id', '=', vehicleId)
      .executeTakeFirst()
    if (!vehicle) throw invalidField('vehicleId', { en: 'no such vehicle', zh: '车辆不存在' })
    if (vehicle.driver_user_id !== null && vehicle.driver_user_id !== userId)
      throw conflict(
        {
          en: `vehicle ${vehicle.plate} already has a default driver`,
          zh: `车辆 ${vehicle.plate} 已有默认司机`,
        },
        'vehicleId',
      )
  }
  await db
    .updateTable('vehicle')
    .set({ driver_user_id: null, updated_at: nowIso() })
    .where('driver_user_id', '=', userId)
    .execute()
  if (vehicleId !== null)
    await db
      .updateTable('vehicle')
      .set({ driver_user_id: userId, updated_at: nowIso() })
      .where('id', '=', vehicleId)
      .execute()
}

async function setLicenceClass(db: Db, userId: string, licenceClass: string | null): Promise<void> {
  const now = nowIso()
  await db
    .insertInto('driver_profile')
    .values({ user_id: userId, licence_class: licenceClass, updated_at: now })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ licence_class: licenceClass, updated_at: now }),
    )
    .execute()
}

/** A new driver: a user with the driver role in the hub's organization. */
export async function createDriver(db: Db, actor: Actor, body: CreateDriverBody): Promise<Driver> {
  const hub = await oldestActiveOrganizationOf(db, 'hub')
  if (!hub)
    throw conflict({
      en: 'register the county hub first: drivers belong to it',
      zh: '请先登记县级物流中心，司机隶属于物流中心',
    })
  const user = await createUser(db, actor, {
    username: body.username,
    displayName: body.displayName,
    password: body.password,
    phone: body.phone,
    memberships: [{ organizationId: hub.id, role: 'driver' }],
  })
  await setLicenceClass(db, user.id, body.licenceClass ?? null)
  if (body.vehicleId) await setDefaultVehicle(db, user.id, body.vehicleId)
  const driver = await getDriver(db, user.id)
  await recordAudit(db, actor, {
    action: 'driver.create',
    entityType: 'user',
    entityId: user.id,
    organizationId: hub.id,
    after: driver,
  })
  return driver
}

/** Edits a driver, changes the default vehicle, or disables (ends their sessions) / re-enables. */
export async function updateDriver(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateDriverBody,
  revokeSessions: RevokeSessions,
): Promise<Driver> {
  if (!(await holdsRole(db, id, 'driver'))) throw notFound(DRIVER, id)
  const before = await getDriver(db, id)
  const { licenceClass, vehicleId, ...userChanges } = body
  if (Object.keys(userChanges).length > 0)
    await updateUser(db, actor, id, userChanges, revokeSessions)
  if (licenceClass !== undefined) await setLicenceClass(db, id, licenceClass)
  if (vehicleId !== undefined) await setDefaultVehicle(db, id, vehicleId)
  const after = await getDriver(db, id)
  await recordAudit(db, actor, {
    action: 'driver.update',
    entityType: 'user',
    entityId: id,
    organizationId: null,
    before,
    after,
  })
  return after
}
