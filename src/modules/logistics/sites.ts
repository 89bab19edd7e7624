import type { Db } from '../../db/database.js'
import { recordAudit } from '../../platform/audit/index.js'
import { type Actor, type Page, pageWindow } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import { invalidField, notFound } from '../../shared/errors.js'
import type { LogisticsSiteTable, Site, SiteListQuery, UpdateSiteBody } from './schema.js'

// LOG-1: the county hub, township stations and village service stations.

const SITE = { en: 'site', zh: '站点' }

/** A village's township is its code's first nine digits (GB/T 2260 + NBS). */
const townshipCodeOf = (row: LogisticsSiteTable): string | null =>
  row.kind === 'hub' ? null : row.division_code.slice(0, 9)

export const toSite = (row: LogisticsSiteTable): Site => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  divisionCode: row.division_code,
  townshipCode: townshipCodeOf(row),
  address: row.address,
  lat: row.lat,
  lon: row.lon,
  coordinatesApproximate: row.coordinates_approximate === 1,
  openingHours: row.opening_hours,
  masterName: row.master_name,
  masterPhone: row.master_phone,
  organizationId: row.organization_id,
})

export async function listSites(db: Db, query: SiteListQuery): Promise<Page<Site>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = db.selectFrom('logistics_site')
  if (query.kind) base = base.where('kind', '=', query.kind)
  if (query.townshipCode)
    base = base.where('division_code', 'like', `${query.townshipCode}%`).where('kind', '!=', 'hub')
  if (query.q)
    base = base.where((eb) =>
      eb.or([
        eb('name', 'like', `%${query.q ?? ''}%`),
        eb('division_code', 'like', `${query.q ?? ''}%`),
      ]),
    )
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('division_code')
      .orderBy('kind')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return { items: rows.map(toSite), total, page, pageSize }
}

export async function getSite(db: Db, id: string): Promise<Site> {
  const row = await db
    .selectFrom('logistics_site')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound(SITE, id)
  return toSite(row)
}

/** Clerks correct a station's details; a position they set is no longer approximate. */
export async function updateSite(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateSiteBody,
): Promise<Site> {
  const before = await getSite(db, id)
  if ((body.lat === undefined) !== (body.lon === undefined)) {
    throw invalidField(body.lat === undefined ? 'lat' : 'lon', {
      en: 'set latitude and longitude together',
      zh: '经纬度须同时填写',
    })
  }
  await db
    .updateTable('logistics_site')
    .set({
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.address !== undefined ? { address: body.address } : {}),
      ...(body.lat !== undefined && body.lon !== undefined
        ? { lat: body.lat, lon: body.lon, coordinates_approximate: 0 }
        : {}),
      ...(body.openingHours !== undefined ? { opening_hours: body.openingHours } : {}),
      ...(body.masterName !== undefined ? { master_name: body.masterName } : {}),
      ...(body.masterPhone !== undefined ? { master_phone: body.masterPhone } : {}),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute()
  const after = await getSite(db, id)
  await recordAudit(db, actor, {
    action: 'site.update',
    entityType: 'logistics_site',
    entityId: id,
    organizationId: before.organizationId,
    before,
    after,
  })
  return after
}
