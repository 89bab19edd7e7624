import type { ExpressionBuilder } from 'kysely'
import type { Database, Db } from '../../db/database.js'
import type { Scope } from '../../platform/access/index.js'
import { organizationNamesOf } from '../../platform/accounts/index.js'
import { addSeconds } from '../../shared/clock.js'
import { maskName, maskPhone } from '../../shared/personal-data.js'
import type { Parcel, ParcelTable } from './schema.js'

export const PROMISE_S = 72 * 3600

export const dueAtOf = (receivedAt: string): string => addSeconds(receivedAt, PROMISE_S)

/**
 * Which parcels an organization-scoped caller sees: a carrier its own, a village station those
 * bound for it. Null for county-wide callers, who see every parcel. Lists, the flow report and
 * the 72-hour promise all filter with this one rule.
 */
export function parcelsInScope(scope: Scope) {
  if (scope.county) return null
  const ids = [...scope.organizationIds, '']
  return (eb: ExpressionBuilder<Database, 'parcel'>) =>
    eb.or([
      eb('parcel.carrier_id', 'in', ids),
      eb(
        'parcel.destination_site_id',
        'in',
        eb
          .selectFrom('logistics_site as scoped_site')
          .select('scoped_site.id')
          .where('scoped_site.organization_id', 'in', ids),
      ),
    ])
}

export function selectParcels(db: Db) {
  return db
    .selectFrom('parcel')
    .leftJoin('logistics_site as site', 'site.id', 'parcel.destination_site_id')
    .selectAll('parcel')
    .select([
      'site.name as destination_name',
      'site.organization_id as destination_organization_id',
      'site.division_code as destination_division_code',
    ])
}

/** The rows with their carrier's name (accounts' organizations, read through accounts). */
export async function withCarrierNames<Row extends { carrier_id: string }>(
  db: Db,
  rows: readonly Row[],
): Promise<(Row & { carrier_name: string })[]> {
  const names = await organizationNamesOf(
    db,
    rows.map((r) => r.carrier_id),
  )
  return rows.flatMap((row) => {
    const carrierName = names.get(row.carrier_id)
    return carrierName === undefined ? [] : [{ ...row, carrier_name: carrierName }]
  })
}

type ParcelWithNames = ParcelTable & { carrier_name: string; destination_name: string | null }

export const toParcel = (row: ParcelWithNames): Parcel => ({
  id: row.id,
  carrierId: row.carrier_id,
  carrierName: row.carrier_name,
  waybillNo: row.waybill_no,
  recipientName: maskName(row.recipient_name),
  recipientPhone: maskPhone(row.recipient_phone),
  address: row.address_text,
  destinationSiteId: row.destination_site_id,
  destinationName: row.destination_name,
  weightKg: row.weight_g / 1000,
  volumeM3: row.volume_cm3 / 1_000_000,
  codFen: row.cod_fen,
  status: row.status,
  receivedAt: row.received_at,
  arrivedAt: row.arrived_at,
  dueAt: row.due_at,
  createdAt: row.created_at,
})
