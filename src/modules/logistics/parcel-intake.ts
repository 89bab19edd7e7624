import type { Db } from '../../db/database.js'
import { findOrganizationSummary } from '../../platform/accounts/index.js'
import { findVillagePlaces } from '../../platform/geography/index.js'
import { DeniedActionError, isInScope } from '../../platform/access/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import { type Actor, compileItemValidator } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import { invalidField } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { createAddressMatcher } from './address-matching.js'
import { ParcelInput, type IntakeResult, type ParcelTable, type RowError } from './schema.js'

// LOG-2: carriers hand parcels over. Each row is checked on its own; good rows land, bad rows
// come back with reasons, and a row already handed over (same carrier and waybill) is counted
// as a duplicate rather than landing twice. The whole batch is one transaction.

const validateParcel = compileItemValidator(ParcelInput)

export interface IntakeSource {
  /** Shown in the import history: the uploaded file's name, or `api`. */
  fileName: string
  /** Row numbers as the carrier sees them (a spreadsheet's first data row is 2). */
  firstRowNumber: number
}

/** The carrier the batch is for: the caller's own carrier, or the one a county clerk names. */
export async function resolveCarrier(
  db: Db,
  actor: Actor,
  carrierId: string | undefined,
): Promise<string> {
  if (carrierId === undefined) {
    const own = actor.principal?.memberships.filter((m) => m.organizationType === 'carrier') ?? []
    if (own.length === 1 && own[0]) return own[0].organizationId
    throw invalidField('carrierId', {
      en: 'name the carrier these parcels come from',
      zh: '请指定快递公司',
    })
  }
  const carrier = await findOrganizationSummary(db, carrierId)
  if (!carrier || carrier.type !== 'carrier' || !isInScope(actor.scope, carrier.id)) {
    throw invalidField('carrierId', {
      en: 'no such carrier in your scope',
      zh: '快递公司不存在或不在您的管理范围内',
    })
  }
  if (carrier.status !== 'active')
    throw new DeniedActionError(
      { en: 'This carrier is suspended', zh: '该快递公司已停用' },
      'organization',
      carrier.id,
      carrier.id,
    )
  return carrier.id
}

export async function intakeParcels(
  db: Db,
  actor: Actor,
  carrierId: string,
  rows: readonly unknown[],
  source: IntakeSource,
): Promise<IntakeResult> {
  const errors: RowError[] = []
  const rowError = (row: number, field: string, message: { en: string; zh: string }) =>
    errors.push({ row, field, message: message.en, messageZh: message.zh })
  const villages = await loadVillageSites(db)
  const matchAddress = createAddressMatcher(villages)
  const siteByVillage = new Map(villages.map((v) => [v.code, v.siteId]))

  const now = nowIso()
  const importId = newId()
  const seenInBatch = new Set<string>()
  const accepted: ParcelTable[] = []
  for (const [index, raw] of rows.entries()) {
    const row = source.firstRowNumber + index
    const fieldErrors = validateParcel(raw)
    if (fieldErrors.length > 0) {
      for (const e of fieldErrors) rowError(row, e.field, e.message)
      continue
    }
    const input = raw as ParcelInput
    const waybill = input.waybillNo.toUpperCase()
    if (seenInBatch.has(waybill)) {
      rowError(row, 'waybillNo', { en: 'appears twice in this batch', zh: '运单号在本批次中重复' })
      continue
    }
    seenInBatch.add(waybill)
    let siteId: string | null = null
    if (input.villageCode !== undefined) {
      siteId = siteByVillage.get(input.villageCode) ?? null
      if (siteId === null) {
        rowError(row, 'villageCode', {
          en: `no village station has the code ${input.villageCode}`,
          zh: `村代码 ${input.villageCode} 没有对应的村级服务站`,
        })
        continue
      }
    } else {
      const match = matchAddress(input.address)
      siteId = match.kind === 'matched' ? (siteByVillage.get(match.villageCode) ?? null) : null
    }
    accepted.push({
      id: newId(),
      carrier_id: carrierId,
      waybill_no: waybill,
      recipient_name: input.recipientName.trim(),
      recipient_phone: input.recipientPhone,
      address_text: input.address.trim(),
      destination_site_id: siteId,
      weight_g: Math.round(input.weightKg * 1000),
      volume_cm3: Math.round((input.volumeM3 ?? 0) * 1_000_000),
      cod_fen: Math.round((input.codYuan ?? 0) * 100),
      status: 'announced',
      received_at: null,
      due_at: null,
      arrived_at: null,
      pickup_code: null,
      import_id: importId,
      created_at: now,
      updated_at: now,
    })
  }

  // ON CONFLICT DO NOTHING: a waybill already handed over (even by a concurrent upload) stays as it was.
  let imported = 0
  const importedIds = new Set<string>()
  if (accepted.length > 0) {
    await db
      .insertInto('manifest_import')
      .values(
        importRow(importId, carrierId, source.fileName, rows.length, 0, 0, errors, actor, now),
      )
      .execute()
    for (let i = 0; i < accepted.length; i += 500) {
      const inserted = await db
        .insertInto('parcel')
        .values(accepted.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['carrier_id', 'waybill_no']).doNothing())
        .returning('id')
        .execute()
      for (const r of inserted) importedIds.add(r.id)
      imported += inserted.length
    }
  }
  const duplicates = accepted.length - imported
  const unmatchedImported = accepted.filter(
    (p) => p.destination_site_id === null && importedIds.has(p.id),
  ).length
  const result: IntakeResult = {
    importId: accepted.length > 0 ? importId : null,
    rowsTotal: rows.length,
    imported,
    duplicates,
    failed: rows.length - accepted.length,
    unmatched: unmatchedImported,
    errors,
  }
  if (accepted.length > 0) {
    await db
      .updateTable('manifest_import')
      .set({ rows_imported: imported, rows_duplicate: duplicates })
      .where('id', '=', importId)
      .execute()
  }
  await recordAudit(db, actor, {
    action: 'parcel.intake',
    entityType: 'manifest_import',
    entityId: result.importId,
    organizationId: carrierId,
    after: {
      fileName: source.fileName,
      rowsTotal: rows.length,
      imported,
      duplicates,
      failed: result.failed,
      unmatched: result.unmatched,
    },
  })
  return result
}

function importRow(
  id: string,
  carrierId: string,
  fileName: string,
  total: number,
  imported: number,
  duplicates: number,
  errors: RowError[],
  actor: Actor,
  now: string,
) {
  return {
    id,
    carrier_id: carrierId,
    file_name: fileName.slice(0, 200),
    rows_total: total,
    rows_imported: imported,
    rows_duplicate: duplicates,
    rows_failed: new Set(errors.map((e) => e.row)).size,
    errors_json: JSON.stringify(errors.slice(0, 1000)),
    created_by: actor.principal?.userId ?? null,
    created_at: now,
  }
}

async function loadVillageSites(db: Db) {
  const sites = await db
    .selectFrom('logistics_site as site')
    .select(['site.id as siteId', 'site.division_code as divisionCode'])
    .where('site.kind', '=', 'village')
    // A closed station takes no new parcels: neither matched nor named by its village code.
    .where('site.closed_at', 'is', null)
    .execute()
  const places = await findVillagePlaces(
    db,
    sites.map((s) => s.divisionCode),
  )
  return sites.flatMap(({ siteId, divisionCode }) => {
    const place = places.get(divisionCode)
    return place ? [{ siteId, ...place }] : []
  })
}
