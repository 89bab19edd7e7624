import type { Db } from '../../db/database.js'
import { findOrganizationSummary } from '../../platform/accounts/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Actor } from '../../platform/http/index.js'
import { nowIso, shanghaiMonthBounds } from '../../shared/clock.js'
import { invalidField } from '../../shared/errors.js'
import type { FeeRule, Statement } from './schema.js'

// LOG-2 对账: each carrier's monthly statement of parcels handed to the alliance, the fees it
// owes and the cash on delivery collected for it.

/** Used until the operating company sets a carrier's own rule: ¥1.50 a parcel, ¥0.50 a kg over 1 kg. */
export const DEFAULT_FEE_RULE: FeeRule = { perParcelFen: 150, perKgFen: 50, freeKg: 1 }

/** The fee for one parcel, in fen: weight is charged by started kilogram beyond the free ones. */
export const feeFen = (weightG: number, rule: FeeRule): number =>
  rule.perParcelFen + rule.perKgFen * Math.max(0, Math.ceil(weightG / 1000) - rule.freeKg)

export async function findFeeRule(db: Db, carrierId: string): Promise<FeeRule> {
  const row = await db
    .selectFrom('carrier_fee_rule')
    .selectAll()
    .where('carrier_id', '=', carrierId)
    .executeTakeFirst()
  return row
    ? { perParcelFen: row.per_parcel_fen, perKgFen: row.per_kg_fen, freeKg: row.free_kg }
    : DEFAULT_FEE_RULE
}

export async function setFeeRule(
  db: Db,
  actor: Actor,
  carrierId: string,
  rule: FeeRule,
): Promise<FeeRule> {
  const carrier = await findOrganizationSummary(db, carrierId)
  if (!carrier || carrier.type !== 'carrier')
    throw invalidField('carrierId', { en: 'no such carrier', zh: '快递公司不存在' })
  const before = await findFeeRule(db, carrierId)
  const values = {
    per_parcel_fen: rule.perParcelFen,
    per_kg_fen: rule.perKgFen,
    free_kg: rule.freeKg,
    updated_at: nowIso(),
  }
  await db
    .insertInto('carrier_fee_rule')
    .values({ carrier_id: carrierId, ...values })
    .onConflict((oc) => oc.column('carrier_id').doUpdateSet(values))
    .execute()
  await recordAudit(db, actor, {
    action: 'carrier_fee_rule.update',
    entityType: 'organization',
    entityId: carrierId,
    organizationId: carrierId,
    before,
    after: rule,
  })
  return rule
}

export interface StatementLine {
  waybillNo: string
  receivedAt: string
  destination: string | null
  weightKg: number
  feeFen: number
  codFen: number
  status: string
}

export async function buildStatement(
  db: Db,
  carrierId: string,
  month: string,
): Promise<{ statement: Statement; lines: StatementLine[] }> {
  const carrier = await findOrganizationSummary(db, carrierId)
  if (!carrier || carrier.type !== 'carrier')
    throw invalidField('carrierId', { en: 'no such carrier', zh: '快递公司不存在' })
  const rule = await findFeeRule(db, carrierId)
  const { from, to } = shanghaiMonthBounds(month)
  const received = await db
    .selectFrom('parcel')
    .leftJoin('logistics_site as site', 'site.id', 'parcel.destination_site_id')
    .select([
      'parcel.waybill_no',
      'parcel.received_at',
      'site.name as destination',
      'parcel.weight_g',
      'parcel.cod_fen',
      'parcel.status',
    ])
    .where('parcel.carrier_id', '=', carrierId)
    .where('parcel.received_at', '>=', from)
    .where('parcel.received_at', '<', to)
    .orderBy('parcel.received_at')
    .execute()
  const cod = await db
    .selectFrom('parcel')
    .innerJoin('scan_event', 'scan_event.parcel_id', 'parcel.id')
    .select((eb) => [
      eb.fn.countAll<number>().as('parcels'),
      eb.fn.sum<number | string | null>('parcel.cod_fen').as('total'),
    ])
    .where('parcel.carrier_id', '=', carrierId)
    .where('parcel.cod_fen', '>', 0)
    .where('scan_event.type', '=', 'picked_up')
    .where('scan_event.at', '>=', from)
    .where('scan_event.at', '<', to)
    .executeTakeFirstOrThrow()
  const lines = received.map((p) => ({
    waybillNo: p.waybill_no,
    receivedAt: p.received_at ?? '',
    destination: p.destination,
    weightKg: p.weight_g / 1000,
    feeFen: feeFen(p.weight_g, rule),
    codFen: p.cod_fen,
    status: p.status,
  }))
  const weightG = received.reduce((sum, p) => sum + p.weight_g, 0)
  return {
    statement: {
      carrierId,
      carrierName: carrier.name,
      month,
      feeRule: rule,
      parcels: lines.length,
      weightKg: weightG / 1000,
      feeFen: lines.reduce((sum, l) => sum + l.feeFen, 0),
      codParcels: cod.parcels,
      codFen: Number(cod.total ?? 0),
    },
    lines,
  }
}
