import type { Db } from '../../db/database.js'
import {
  findOrganizationSummary,
  oldestActiveOrganizationOf,
} from '../../platform/accounts/index.js'
import type { Actor } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import { conflict, invalidField } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import type { ParcelStatus } from './parcel-status.js'
import { withCarrierNames } from './parcel-views.js'
import { recordScan } from './scans.js'

// Parcels the county's own network carries from the hub — the county shop's home deliveries
// and station pickups (issue 4). The hub organization is their carrier, so they are scanned,
// planned and tracked like any carrier's parcels. For other modules: they announce parcels and
// read where they are through these functions, never through the tables.

export interface HubParcelInput {
  waybillNo: string
  recipientName: string
  recipientPhone: string
  addressText: string
  /** The village station it goes to; null leaves it for a hub clerk to choose. */
  destinationSiteId: string | null
  weightG: number
  volumeCm3: number
}

/** Announces a parcel leaving the hub; its id, or null while the county has no hub yet. */
export async function announceHubParcel(db: Db, input: HubParcelInput): Promise<string | null> {
  const hub = await oldestActiveOrganizationOf(db, 'hub')
  if (!hub) return null
  const now = nowIso()
  const id = newId()
  await db
    .insertInto('parcel')
    .values({
      id,
      carrier_id: hub.id,
      waybill_no: input.waybillNo,
      recipient_name: input.recipientName,
      recipient_phone: input.recipientPhone,
      address_text: input.addressText,
      destination_site_id: input.destinationSiteId,
      weight_g: input.weightG,
      volume_cm3: input.volumeCm3,
      cod_fen: 0,
      status: 'announced',
      received_at: null,
      due_at: null,
      arrived_at: null,
      import_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  return id
}

export interface CarrierShipmentInput {
  carrierId: string
  /** The carrier's own waybill number: /track finds the parcel by it. */
  waybillNo: string
  recipientName: string
  recipientPhone: string
  addressText: string
  weightG: number
  volumeCm3: number
}

/**
 * A parcel leaving the county through an alliance carrier (issue 15, SVC-1: the county's
 * products sold anywhere in China). Our record of it: the carrier and its waybill, in transit
 * from the moment it is handed over (a `departed` scan), never bound for a station; the
 * carrier's own tracking follows it from there. Its id.
 */
export async function recordCarrierShipment(
  db: Db,
  actor: Actor,
  input: CarrierShipmentInput,
): Promise<string> {
  const carrier = await findOrganizationSummary(db, input.carrierId)
  if (!carrier || carrier.type !== 'carrier' || carrier.status !== 'active')
    throw invalidField('carrierId', {
      en: 'not a carrier of the alliance',
      zh: '不是联盟的快递公司',
    })
  const waybillNo = input.waybillNo.trim().toUpperCase()
  const taken = await db
    .selectFrom('parcel')
    .select('id')
    .where('carrier_id', '=', carrier.id)
    .where('waybill_no', '=', waybillNo)
    .executeTakeFirst()
  if (taken)
    throw conflict(
      { en: `waybill ${waybillNo} is already in use`, zh: `运单号 ${waybillNo} 已被使用` },
      'carrierWaybillNo',
    )
  const now = nowIso()
  const id = newId()
  await db
    .insertInto('parcel')
    .values({
      id,
      carrier_id: carrier.id,
      waybill_no: waybillNo,
      recipient_name: input.recipientName,
      recipient_phone: input.recipientPhone,
      address_text: input.addressText,
      destination_site_id: null,
      weight_g: input.weightG,
      volume_cm3: input.volumeCm3,
      cod_fen: 0,
      status: 'in_transit',
      received_at: null,
      due_at: null,
      arrived_at: null,
      import_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await db
    .insertInto('scan_event')
    .values({
      id: newId(),
      parcel_id: id,
      type: 'departed',
      site_id: null,
      at: now,
      actor_user_id: actor.principal?.userId ?? null,
      actor_name: actor.principal?.displayName ?? null,
      note: `交${carrier.name}发往县外`,
    })
    .execute()
  return id
}

/** The village station of a village division, or null (a township, or no station there). */
export async function villageStationOf(db: Db, divisionCode: string): Promise<string | null> {
  const station = await db
    .selectFrom('logistics_site')
    .select('id')
    .where('kind', '=', 'village')
    .where('division_code', '=', divisionCode)
    .where('closed_at', 'is', null)
    .executeTakeFirst()
  return station?.id ?? null
}

export interface ParcelProgress {
  waybillNo: string
  carrierName: string
  status: ParcelStatus
  stationName: string | null
  /** The 72-hour promise, set when the hub receives it. */
  dueAt: string | null
}

/** Where each of these parcels is, by id. */
export async function parcelProgressOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, ParcelProgress>> {
  const rows = await withCarrierNames(
    db,
    await db
      .selectFrom('parcel')
      .leftJoin('logistics_site as site', 'site.id', 'parcel.destination_site_id')
      .select([
        'parcel.id',
        'parcel.carrier_id',
        'parcel.waybill_no',
        'parcel.status',
        'parcel.due_at',
        'site.name as station_name',
      ])
      .where('parcel.id', 'in', [...ids, ''])
      .execute(),
  )
  return new Map(
    rows.map((row) => [
      row.id,
      {
        waybillNo: row.waybill_no,
        carrierName: row.carrier_name,
        status: row.status,
        stationName: row.station_name,
        dueAt: row.due_at,
      },
    ]),
  )
}

/**
 * The parcel waiting at its station was handed over on other proof (the buyer's pickup code):
 * its pickup scan, without asking for the phone's last digits. Nothing when it is not waiting.
 */
export async function handOverAtStation(
  db: Db,
  actor: Actor,
  parcelId: string,
  note: string,
): Promise<void> {
  const parcel = await db
    .selectFrom('parcel')
    .select(['waybill_no', 'carrier_id', 'recipient_phone', 'status'])
    .where('id', '=', parcelId)
    .executeTakeFirstOrThrow()
  if (parcel.status !== 'at_station') return
  await recordScan(db, actor, {
    waybillNo: parcel.waybill_no,
    carrierId: parcel.carrier_id,
    type: 'picked_up',
    phoneTail: parcel.recipient_phone.slice(-4),
    note,
  })
}
