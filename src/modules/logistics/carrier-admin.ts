import type { Db } from '../../db/database.js'
import {
  createOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
  type Organization,
} from '../../platform/accounts/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Actor, Page } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../shared/errors.js'
import type {
  Carrier,
  CreateCarrierBody,
  FleetListQuery,
  UpdateCarrierBody,
} from './fleet-schema.js'

// Issue 15 (LOG-1, LOG-2): the alliance's carriers in the console. A carrier is an organization
// of type `carrier` (accounts owns it); its waybill prefixes live here, unique across carriers,
// so a scanned or imported waybill names its carrier.

const CARRIER = { en: 'carrier', zh: '快递公司' }

async function prefixesOf(db: Db, carrierIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('carrier_waybill_prefix')
    .select(['prefix', 'carrier_id'])
    .where('carrier_id', 'in', [...carrierIds, ''])
    .orderBy('prefix')
    .execute()
  const byCarrier = new Map<string, string[]>()
  for (const row of rows)
    byCarrier.set(row.carrier_id, [...(byCarrier.get(row.carrier_id) ?? []), row.prefix])
  return byCarrier
}

const toCarrier = (organization: Organization, prefixes: string[]): Carrier => ({
  id: organization.id,
  name: organization.name,
  code: organization.code,
  contactName: organization.contactName,
  contactPhone: organization.contactPhone,
  status: organization.status,
  prefixes,
  createdAt: organization.createdAt,
})

/** Carriers by name, with their prefixes; `q` matches the name, the credit code or a prefix. */
export async function listCarriers(
  db: Db,
  actor: Actor,
  query: FleetListQuery,
): Promise<Page<Carrier>> {
  const q = query.q?.trim()
  const byPrefix = q
    ? await db
        .selectFrom('carrier_waybill_prefix')
        .select('carrier_id')
        .where('prefix', '=', q.toUpperCase())
        .executeTakeFirst()
    : undefined
  const page = byPrefix
    ? await listOrganizations(db, actor, { type: 'carrier', pageSize: 100 }).then((all) => {
        const items = all.items.filter((o) => o.id === byPrefix.carrier_id)
        return { ...all, items, total: items.length, page: 1 }
      })
    : await listOrganizations(db, actor, { ...query, ...(q ? { q } : {}), type: 'carrier' })
  const prefixes = await prefixesOf(
    db,
    page.items.map((o) => o.id),
  )
  return { ...page, items: page.items.map((o) => toCarrier(o, prefixes.get(o.id) ?? [])) }
}

/** Every carrier, for the Excel export. */
export async function allCarriers(db: Db, actor: Actor): Promise<Carrier[]> {
  const carriers: Carrier[] = []
  for (let page = 1; ; page++) {
    const chunk = await listCarriers(db, actor, { page, pageSize: 100 })
    carriers.push(...chunk.items)
    if (carriers.length >= chunk.total || chunk.items.length === 0) return carriers
  }
}

async function getCarrier(db: Db, actor: Actor, id: string): Promise<Carrier> {
  const organization = await getOrganization(db, actor, id)
  if (organization.type !== 'carrier') throw notFound(CARRIER, id)
  return toCarrier(organization, (await prefixesOf(db, [id])).get(id) ?? [])
}

/** Sets a carrier's prefixes; a prefix another carrier holds is refused (409 on `prefixes`). */
async function setPrefixes(db: Db, carrierId: string, prefixes: readonly string[]): Promise<void> {
  const unique = [...new Set(prefixes)]
  if (unique.length !== prefixes.length)
    throw invalidField('prefixes', { en: 'a prefix is listed twice', zh: '运单号前缀重复' })
  const taken = await db
    .selectFrom('carrier_waybill_prefix')
    .select(['prefix', 'carrier_id'])
    .where('prefix', 'in', [...unique, ''])
    .where('carrier_id', '<>', carrierId)
    .executeTakeFirst()
  if (taken)
    throw conflict(
      {
        en: `the waybill prefix ${taken.prefix} belongs to another carrier`,
        zh: `运单号前缀 ${taken.prefix} 已属于其他快递公司`,
      },
      'prefixes',
    )
  await db.deleteFrom('carrier_waybill_prefix').where('carrier_id', '=', carrierId).execute()
  if (unique.length > 0)
    await db
      .insertInto('carrier_waybill_prefix')
      .values(unique.map((prefix) => ({ prefix, carrier_id: carrierId, created_at: nowIso() })))
      .execute()
}

export async function createCarrier(
  db: Db,
  actor: Actor,
  body: CreateCarrierBody,
): Promise<Carrier> {
  const organization = await createOrganization(db, actor, {
    type: 'carrier',
    name: body.name,
    ...(body.code !== undefined ? { code: body.code } : {}),
    ...(body.contactName !== undefined ? { contactName: body.contactName } : {}),
    ...(body.contactPhone !== undefined ? { contactPhone: body.contactPhone } : {}),
  })
  await setPrefixes(db, organization.id, body.prefixes)
  await recordAudit(db, actor, {
    action: 'carrier.prefixes',
    entityType: 'organization',
    entityId: organization.id,
    organizationId: organization.id,
    after: { prefixes: [...body.prefixes].sort() },
  })
  return toCarrier(organization, [...new Set(body.prefixes)].sort())
}

/** Edits, suspends or reactivates a carrier, or replaces its waybill prefixes. */
export async function updateCarrier(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateCarrierBody,
): Promise<Carrier> {
  const before = await getCarrier(db, actor, id)
  const { prefixes, ...organizationChanges } = body
  if (Object.keys(organizationChanges).length > 0)
    await updateOrganization(db, actor, id, organizationChanges)
  if (prefixes !== undefined) {
    await setPrefixes(db, id, prefixes)
    await recordAudit(db, actor, {
      action: 'carrier.prefixes',
      entityType: 'organization',
      entityId: id,
      organizationId: id,
      before: { prefixes: before.prefixes },
      after: { prefixes: [...new Set(prefixes)].sort() },
    })
  }
  return getCarrier(db, actor, id)
}

/**
 * The carrier whose waybill prefix starts this waybill number (the longest prefix wins), or
 * undefined: how a scanned or imported waybill without a named carrier is recognised.
 */
export async function carrierOfWaybill(db: Db, waybillNo: string): Promise<string | undefined> {
  const upper = waybillNo.toUpperCase()
  const candidates = Array.from({ length: Math.min(8, upper.length) }, (_, i) =>
    upper.slice(0, i + 1),
  )
  const rows = await db
    .selectFrom('carrier_waybill_prefix')
    .select(['prefix', 'carrier_id'])
    .where('prefix', 'in', [...candidates, ''])
    .execute()
  return rows.sort((a, b) => b.prefix.length - a.prefix.length)[0]?.carrier_id
}
