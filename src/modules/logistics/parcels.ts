import type { Db } from '../../db/database.js'
import { isInScope, OutOfScopeError } from '../../platform/access/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import { type Actor, type Page, pageWindow } from '../../platform/http/index.js'
import { addSeconds, nowIso } from '../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../shared/errors.js'
import { maskName } from '../../shared/personal-data.js'
import { parcelsInScope, selectParcels, toParcel, withCarrierNames } from './parcel-views.js'
import type { Parcel, ParcelListQuery, ScanEvent, Tracking } from './schema.js'

const PARCEL = { en: 'parcel', zh: '包裹' }
const AT_RISK_S = 24 * 3600

/** Parcels the caller may see: all for county roles; a carrier's own; a station's incoming. */
export async function listParcels(
  db: Db,
  actor: Actor,
  query: ParcelListQuery,
  now = nowIso(),
): Promise<Page<Parcel>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = selectParcels(db)
  const inScope = parcelsInScope(actor.scope)
  if (inScope) base = base.where(inScope)
  if (query.q) base = base.where('parcel.waybill_no', 'like', `${query.q.trim().toUpperCase()}%`)
  if (query.status) base = base.where('parcel.status', '=', query.status)
  if (query.carrierId) base = base.where('parcel.carrier_id', '=', query.carrierId)
  if (query.townshipCode) base = base.where('site.division_code', 'like', `${query.townshipCode}%`)
  if (query.unmatched === true) base = base.where('parcel.destination_site_id', 'is', null)
  if (query.promise === 'breached') {
    base = base.where((eb) =>
      eb.or([
        eb('parcel.arrived_at', '>', eb.ref('parcel.due_at')),
        eb.and([
          eb('parcel.arrived_at', 'is', null),
          eb('parcel.due_at', '<', now),
          eb('parcel.status', 'not in', ['returned']),
        ]),
      ]),
    )
  } else if (query.promise === 'at_risk') {
    // Under 24 hours left and not yet on a vehicle (LOG-6).
    base = base
      .where('parcel.status', 'in', ['received', 'sorted'])
      .where('parcel.due_at', '>=', now)
      .where('parcel.due_at', '<', addSeconds(now, AT_RISK_S))
  }
  const [{ total }, rows] = await Promise.all([
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    base
      .orderBy('parcel.created_at', 'desc')
      .orderBy('parcel.id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return { items: (await withCarrierNames(db, rows)).map(toParcel), total, page, pageSize }
}

export async function getParcel(
  db: Db,
  actor: Actor,
  id: string,
): Promise<Parcel & { events: ScanEvent[] }> {
  const [row] = await withCarrierNames(
    db,
    await selectParcels(db).where('parcel.id', '=', id).execute(),
  )
  if (!row) throw notFound(PARCEL, id)
  if (
    !isInScope(actor.scope, row.carrier_id) &&
    !isInScope(actor.scope, row.destination_organization_id)
  )
    throw new OutOfScopeError(PARCEL, 'parcel', id, row.carrier_id)
  return { ...toParcel(row), events: await eventsOf(db, id) }
}

/** A clerk picks the station for a parcel whose address matched none (LOG-2). */
export async function resolveDestination(
  db: Db,
  actor: Actor,
  id: string,
  siteId: string,
): Promise<Parcel> {
  const row = await selectParcels(db).where('parcel.id', '=', id).executeTakeFirst()
  if (!row) throw notFound(PARCEL, id)
  if (!['announced', 'received'].includes(row.status))
    throw conflict(
      { en: 'the parcel is already sorted', zh: '包裹已分拣，不能再改目的站' },
      'siteId',
    )
  const site = await db
    .selectFrom('logistics_site')
    .select(['id', 'kind'])
    .where('id', '=', siteId)
    .executeTakeFirst()
  if (!site || site.kind !== 'village')
    throw invalidField('siteId', { en: 'no village station has this id', zh: '村级服务站不存在' })
  await db
    .updateTable('parcel')
    .set({ destination_site_id: siteId, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  await recordAudit(db, actor, {
    action: 'parcel.resolve_destination',
    entityType: 'parcel',
    entityId: id,
    organizationId: row.carrier_id,
    before: { destinationSiteId: row.destination_site_id },
    after: { destinationSiteId: siteId },
  })
  const [after] = await withCarrierNames(
    db,
    await selectParcels(db).where('parcel.id', '=', id).execute(),
  )
  if (!after) throw notFound(PARCEL, id)
  return toParcel(after)
}

async function eventsOf(db: Db, parcelId: string): Promise<ScanEvent[]> {
  const rows = await db
    .selectFrom('scan_event')
    .leftJoin('logistics_site as site', 'site.id', 'scan_event.site_id')
    .select([
      'scan_event.id',
      'scan_event.type',
      'scan_event.at',
      'scan_event.site_id as siteId',
      'site.name as siteName',
      'scan_event.actor_name as actorName',
      'scan_event.note',
    ])
    .where('scan_event.parcel_id', '=', parcelId)
    .orderBy('scan_event.at')
    .orderBy('scan_event.id')
    .execute()
  return rows
}

/**
 * Public tracking (LOG-5): anyone with the waybill number sees the status and the times of the
 * steps; with the last four digits of the recipient's phone, also places and the masked name.
 */
export async function trackParcel(
  db: Db,
  waybillNo: string,
  phoneTail: string | undefined,
): Promise<Tracking> {
  const [row] = await withCarrierNames(
    db,
    await selectParcels(db)
      .where('parcel.waybill_no', '=', waybillNo.trim().toUpperCase())
      .orderBy('parcel.created_at', 'desc')
      .limit(1)
      .execute(),
  )
  if (!row) throw notFound({ en: 'waybill', zh: '运单' }, waybillNo)
  const detailed = phoneTail !== undefined && row.recipient_phone.endsWith(phoneTail)
  const events = await eventsOf(db, row.id)
  return {
    waybillNo: row.waybill_no,
    carrierName: row.carrier_name,
    status: row.status,
    detailed,
    destinationName: detailed ? row.destination_name : null,
    recipientName: detailed ? maskName(row.recipient_name) : null,
    dueAt: row.due_at,
    events: events.map((e) => ({ type: e.type, at: e.at, siteName: detailed ? e.siteName : null })),
  }
}
