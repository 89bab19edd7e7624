import type { Db } from '../../db/database.js'
import { findOrganizationSummary } from '../../platform/accounts/index.js'
import { isInScope, OutOfScopeError } from '../../platform/access/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import { type Actor, type Page, type PageQuery, pageWindow } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import type {
  FarmPickup,
  FarmPickupTable,
  HandOverPickupBody,
  RegisterPickupBody,
} from './dispatch-schema.js'
import { maskPhone } from '../../shared/personal-data.js'

// LOG-8 农产品上行: a station registers what villagers send; the next trip collects it; the hub
// hands it to the carrier the sender chose for nationwide delivery.

const PICKUP = { en: 'farm pickup', zh: '揽收单' }

const selectPickups = (db: Db) =>
  db
    .selectFrom('farm_pickup')
    .innerJoin('logistics_site as station', 'station.id', 'farm_pickup.station_site_id')
    .selectAll('farm_pickup')
    .select(['station.name as stationName', 'station.organization_id as stationOrganizationId'])

const toPickup = (row: FarmPickupTable & { stationName: string }): FarmPickup => ({
  id: row.id,
  stationSiteId: row.station_site_id,
  stationName: row.stationName,
  senderName: row.sender_name,
  senderPhone: maskPhone(row.sender_phone),
  product: row.product,
  pieces: row.pieces,
  weightKg: row.weight_g / 1000,
  volumeM3: row.volume_cm3 / 1_000_000,
  destinationAddress: row.destination_address,
  status: row.status,
  tripId: row.trip_id,
  carrierId: row.carrier_id,
  carrierWaybillNo: row.carrier_waybill_no,
  createdAt: row.created_at,
})

export async function registerPickup(
  db: Db,
  actor: Actor,
  body: RegisterPickupBody,
): Promise<FarmPickup> {
  const station = await db
    .selectFrom('logistics_site')
    .select(['id', 'kind', 'organization_id', 'closed_at'])
    .where('id', '=', body.stationSiteId)
    .executeTakeFirst()
  if (!station || station.kind !== 'village')
    throw invalidField('stationSiteId', {
      en: 'no village station has this id',
      zh: '村级服务站不存在',
    })
  if (station.closed_at !== null)
    throw invalidField('stationSiteId', { en: 'this station is closed', zh: '该服务站已关闭' })
  if (!isInScope(actor.scope, station.organization_id))
    throw invalidField('stationSiteId', {
      en: 'you may register pickups only at your own station',
      zh: '只能登记本服务站的揽收',
    })
  const now = nowIso()
  const row: FarmPickupTable = {
    id: newId(),
    station_site_id: station.id,
    sender_name: body.senderName.trim(),
    sender_phone: body.senderPhone,
    product: body.product.trim(),
    pieces: body.pieces,
    weight_g: Math.round(body.weightKg * 1000),
    volume_cm3: Math.round((body.volumeM3 ?? 0) * 1_000_000),
    destination_address: body.destinationAddress.trim(),
    status: 'registered',
    trip_id: null,
    carrier_id: null,
    carrier_waybill_no: null,
    registered_by: actor.principal?.userId ?? null,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('farm_pickup').values(row).execute()
  await recordAudit(db, actor, {
    action: 'farm_pickup.register',
    entityType: 'farm_pickup',
    entityId: row.id,
    organizationId: station.organization_id,
    after: { product: row.product, pieces: row.pieces, weightG: row.weight_g },
  })
  return toPickup({
    ...row,
    stationName: (
      await selectPickups(db).where('farm_pickup.id', '=', row.id).executeTakeFirstOrThrow()
    ).stationName,
  })
}

export async function listPickups(
  db: Db,
  actor: Actor,
  query: PageQuery & { status?: FarmPickup['status'] },
): Promise<Page<FarmPickup>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = selectPickups(db)
  if (!actor.scope.county)
    base = base.where('station.organization_id', 'in', [...actor.scope.organizationIds, ''])
  if (query.status) base = base.where('farm_pickup.status', '=', query.status)
  const [{ total }, rows] = await Promise.all([
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    base.orderBy('farm_pickup.created_at', 'desc').limit(pageSize).offset(offset).execute(),
  ])
  return { items: rows.map(toPickup), total, page, pageSize }
}

/** The hub receives what a trip brought back, then hands it to the sender's chosen carrier. */
export async function advancePickup(
  db: Db,
  actor: Actor,
  id: string,
  step: { kind: 'receive' } | { kind: 'hand_over'; body: HandOverPickupBody },
): Promise<FarmPickup> {
  const row = await selectPickups(db).where('farm_pickup.id', '=', id).executeTakeFirst()
  if (!row) throw notFound(PICKUP, id)
  if (!actor.scope.county)
    throw new OutOfScopeError(PICKUP, 'farm_pickup', id, row.stationOrganizationId)
  const from = step.kind === 'receive' ? 'planned' : 'at_hub'
  if (row.status !== from)
    throw conflict({
      en: `a pickup that is ${row.status} cannot be ${step.kind === 'receive' ? 'received' : 'handed over'}`,
      zh:
        step.kind === 'receive' ? '该揽收单尚未安排车次或已入中心' : '该揽收单尚未入中心或已交快递',
    })
  let changes: Partial<FarmPickupTable> = { status: 'at_hub' }
  if (step.kind === 'hand_over') {
    const carrier = await findOrganizationSummary(db, step.body.carrierId)
    if (!carrier || carrier.type !== 'carrier')
      throw invalidField('carrierId', { en: 'no such carrier', zh: '快递公司不存在' })
    changes = {
      status: 'handed_over',
      carrier_id: carrier.id,
      carrier_waybill_no: step.body.carrierWaybillNo.toUpperCase(),
    }
  }
  const updated = await db
    .updateTable('farm_pickup')
    .set({ ...changes, updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  if (updated.numUpdatedRows === 0n)
    throw conflict({ en: 'changed by someone else just now', zh: '该揽收单刚被他人处理' })
  await recordAudit(db, actor, {
    action: `farm_pickup.${step.kind}`,
    entityType: 'farm_pickup',
    entityId: id,
    organizationId: row.stationOrganizationId,
    before: { status: row.status },
    after: changes,
  })
  return toPickup(
    await selectPickups(db).where('farm_pickup.id', '=', id).executeTakeFirstOrThrow(),
  )
}
