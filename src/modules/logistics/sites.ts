import type { Db } from '../../db/database.js'
import { findOrganizationSummary } from '../../platform/accounts/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import { findDivisionLevels } from '../../platform/geography/index.js'
import { type Actor, type Page, pageWindow } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import { type Bilingual, conflict, invalidField, notFound } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import type {
  CreateSiteBody,
  LogisticsSiteTable,
  Site,
  SiteKind,
  SiteListQuery,
  UpdateSiteBody,
} from './schema.js'

// LOG-1: the county hub, township stations and village service stations, created, corrected,
// closed and reopened by the operator in the console (issue 15).

const SITE = { en: 'site', zh: '站点' }

/** The division level each kind of site sits in. */
const LEVEL_OF: Record<SiteKind, 'county' | 'township' | 'village'> = {
  hub: 'county',
  township: 'township',
  village: 'village',
}
const LEVEL_NAMES: Record<SiteKind, Bilingual> = {
  hub: { en: 'a county', zh: '县级区划' },
  township: { en: 'a township', zh: '乡镇' },
  village: { en: 'a village', zh: '行政村' },
}

/** Parcel statuses in which a parcel is still on its way to its station. */
const ON_THE_WAY = [
  'announced',
  'received',
  'sorted',
  'loaded',
  'in_transit',
  'at_station',
] as const

/** A village's township is its code's first nine digits (GB/T 2260 + NBS). */
const townshipCodeOf = (row: LogisticsSiteTable): string | null =>
  row.kind === 'hub' ? null : row.division_code.slice(0, 9)

export const toSite = (row: LogisticsSiteTable): Site => ({
  id: row.id,
  code: row.code,
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
  status: row.closed_at === null ? 'open' : 'closed',
  closedAt: row.closed_at,
})

type SiteFilter = Omit<SiteListQuery, 'page' | 'pageSize'>

function filteredSites(db: Db, query: SiteFilter) {
  let base = db.selectFrom('logistics_site')
  if (query.kind) base = base.where('kind', '=', query.kind)
  if (query.status === 'open') base = base.where('closed_at', 'is', null)
  if (query.status === 'closed') base = base.where('closed_at', 'is not', null)
  if (query.townshipCode)
    base = base.where('division_code', 'like', `${query.townshipCode}%`).where('kind', '!=', 'hub')
  if (query.q) {
    const q = query.q
    base = base.where((eb) =>
      eb.or([
        eb('name', 'like', `%${q}%`),
        eb('code', 'like', `${q}%`),
        eb('division_code', 'like', `${q}%`),
      ]),
    )
  }
  return base
}

export async function listSites(db: Db, query: SiteListQuery): Promise<Page<Site>> {
  const { page, pageSize, offset } = pageWindow(query)
  const base = filteredSites(db, query)
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('division_code')
      .orderBy('kind')
      .orderBy('code')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return { items: rows.map(toSite), total: Number(total), page, pageSize }
}

/** Every site matching the filter, for the Excel export. */
export async function allSites(db: Db, query: SiteFilter): Promise<Site[]> {
  const rows = await filteredSites(db, query)
    .selectAll()
    .orderBy('division_code')
    .orderBy('kind')
    .orderBy('code')
    .execute()
  return rows.map(toSite)
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

/** What a site would be after a create or an edit, checked against the rest of the network. */
export interface SiteDraft {
  id: string | null
  code: string
  kind: SiteKind
  divisionCode: string
  organizationId: string | null
  open: boolean
}

export interface SiteProblem {
  field: string
  message: Bilingual
  /** A clash with another site (409) rather than bad input (400). */
  conflict: boolean
}

/**
 * The rules a site obeys, for the API and the import alike: a unique code; a division of the
 * kind's level (county for the hub, township, village); a linked organization that is a village
 * station; one open hub per county and one open station per village (parcels are matched to
 * their station by village). Township stations are not limited.
 */
export async function checkSite(db: Db, draft: SiteDraft): Promise<SiteProblem[]> {
  const problems: SiteProblem[] = []
  const sameCode = await db
    .selectFrom('logistics_site')
    .select('id')
    .where('code', '=', draft.code)
    .executeTakeFirst()
  if (sameCode && sameCode.id !== draft.id)
    problems.push({
      field: 'code',
      message: {
        en: `another site already has the code ${draft.code}`,
        zh: `站点编码 ${draft.code} 已被其他站点使用`,
      },
      conflict: true,
    })
  const division = (await findDivisionLevels(db, [draft.divisionCode])).get(draft.divisionCode)
  if (!division || division.level !== LEVEL_OF[draft.kind])
    problems.push({
      field: 'divisionCode',
      message: {
        en: `${draft.divisionCode} is not ${LEVEL_NAMES[draft.kind].en} of the county`,
        zh: `区划代码 ${draft.divisionCode} 不是本县的${LEVEL_NAMES[draft.kind].zh}`,
      },
      conflict: false,
    })
  if (draft.organizationId !== null) {
    const organization = await findOrganizationSummary(db, draft.organizationId)
    if (organization?.type !== 'village_station')
      problems.push({
        field: 'organizationId',
        message: { en: 'must be a village station organization', zh: '须为村级服务站组织' },
        conflict: false,
      })
  }
  if (draft.kind === 'village' && draft.open) {
    // Parcels find their station by village: two open stations in one village would be a guess.
    const other = await db
      .selectFrom('logistics_site')
      .select(['name'])
      .where('kind', '=', 'village')
      .where('division_code', '=', draft.divisionCode)
      .where('closed_at', 'is', null)
      .where('id', '!=', draft.id ?? '')
      .executeTakeFirst()
    if (other)
      problems.push({
        field: 'divisionCode',
        message: {
          en: `the village already has an open station (${other.name}); close it first`,
          zh: `该村已有运营中的服务站（${other.name}），请先关闭它`,
        },
        conflict: true,
      })
  }
  if (draft.kind === 'hub' && draft.open) {
    const otherHub = await db
      .selectFrom('logistics_site')
      .select(['id', 'name'])
      .where('kind', '=', 'hub')
      .where('division_code', '=', draft.divisionCode)
      .where('closed_at', 'is', null)
      .where('id', '!=', draft.id ?? '')
      .executeTakeFirst()
    if (otherHub)
      problems.push({
        field: 'kind',
        message: {
          en: `the county already has an open hub (${otherHub.name}); close it first`,
          zh: `本县已有运营中的物流中心（${otherHub.name}），请先关闭它`,
        },
        conflict: true,
      })
  }
  return problems
}

function throwFirst(problems: readonly SiteProblem[]): void {
  const [first] = problems
  if (!first) return
  throw first.conflict
    ? conflict(first.message, first.field)
    : invalidField(first.field, first.message)
}

function checkCoordinates(lat: number | undefined, lon: number | undefined): void {
  if ((lat === undefined) !== (lon === undefined))
    throw invalidField(lat === undefined ? 'lat' : 'lon', {
      en: 'set latitude and longitude together',
      zh: '经纬度须同时填写',
    })
}

export async function createSite(db: Db, actor: Actor, body: CreateSiteBody): Promise<Site> {
  checkCoordinates(body.lat, body.lon)
  const organizationId = body.organizationId ?? null
  throwFirst(
    await checkSite(db, {
      id: null,
      code: body.code,
      kind: body.kind,
      divisionCode: body.divisionCode,
      organizationId,
      open: true,
    }),
  )
  const row = newSiteRow(body)
  await db.insertInto('logistics_site').values(row).execute()
  const after = toSite(row)
  await recordAudit(db, actor, {
    action: 'site.create',
    entityType: 'logistics_site',
    entityId: row.id,
    organizationId,
    after,
  })
  return after
}

export function newSiteRow(body: CreateSiteBody): LogisticsSiteTable {
  const now = nowIso()
  const located = body.lat !== undefined && body.lon !== undefined
  return {
    id: newId(),
    code: body.code,
    kind: body.kind,
    name: body.name,
    division_code: body.divisionCode,
    address: body.address ?? null,
    lat: located ? (body.lat ?? null) : null,
    lon: located ? (body.lon ?? null) : null,
    coordinates_approximate: 0,
    opening_hours: body.openingHours,
    master_name: body.masterName ?? null,
    master_phone: body.masterPhone ?? null,
    organization_id: body.organizationId ?? null,
    closed_at: null,
    created_at: now,
    updated_at: now,
  }
}

/** Clerks correct a station's details; a position they set is no longer approximate. */
export async function updateSite(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateSiteBody,
): Promise<Site> {
  const before = await getSite(db, id)
  checkCoordinates(body.lat, body.lon)
  if (
    body.code !== undefined ||
    body.divisionCode !== undefined ||
    body.organizationId !== undefined
  )
    throwFirst(
      await checkSite(db, {
        id,
        code: body.code ?? before.code,
        kind: before.kind,
        divisionCode: body.divisionCode ?? before.divisionCode,
        organizationId:
          body.organizationId !== undefined ? body.organizationId : before.organizationId,
        open: before.status === 'open',
      }),
    )
  await db.updateTable('logistics_site').set(siteChanges(body)).where('id', '=', id).execute()
  const after = await getSite(db, id)
  await recordAudit(db, actor, {
    action: 'site.update',
    entityType: 'logistics_site',
    entityId: id,
    organizationId: after.organizationId,
    before,
    after,
  })
  return after
}

export const siteChanges = (body: UpdateSiteBody) => ({
  ...(body.code !== undefined ? { code: body.code } : {}),
  ...(body.divisionCode !== undefined ? { division_code: body.divisionCode } : {}),
  ...(body.organizationId !== undefined ? { organization_id: body.organizationId } : {}),
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

/**
 * Closing a site: it takes no new parcels (address matching, explicit village codes, the shop's
 * station orders and planning skip it). Refused (409) while parcels are still on their way to it
 * or farm products wait there for collection — and, for the hub, while parcels are at the hub —
 * so nothing is stranded: the clerk delivers or redirects them first.
 */
export async function closeSite(db: Db, actor: Actor, id: string): Promise<Site> {
  const before = await getSite(db, id)
  if (before.status === 'closed') return before
  const waiting = await db
    .selectFrom('parcel')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where((eb) =>
      before.kind === 'hub'
        ? eb('status', 'in', ['received', 'sorted', 'loaded'])
        : eb.and([eb('destination_site_id', '=', id), eb('status', 'in', [...ON_THE_WAY])]),
    )
    .executeTakeFirstOrThrow()
  const pickups = await db
    .selectFrom('farm_pickup')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('station_site_id', '=', id)
    .where('status', '=', 'registered')
    .executeTakeFirstOrThrow()
  const parcels = Number(waiting.count)
  if (parcels > 0)
    throw conflict(
      {
        en: `${parcels} parcel(s) are still on their way to ${before.name}: deliver or redirect them before closing it`,
        zh: `还有 ${parcels} 件包裹正发往${before.name}，请先派送或改派后再关闭`,
      },
      'id',
    )
  if (Number(pickups.count) > 0)
    throw conflict(
      {
        en: `${Number(pickups.count)} farm pickup(s) wait at ${before.name}: collect them before closing it`,
        zh: `${before.name}还有 ${Number(pickups.count)} 单农产品待揽收，请先揽收后再关闭`,
      },
      'id',
    )
  await db
    .updateTable('logistics_site')
    .set({ closed_at: nowIso(), updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  const after = await getSite(db, id)
  await recordAudit(db, actor, {
    action: 'site.close',
    entityType: 'logistics_site',
    entityId: id,
    organizationId: after.organizationId,
    before,
    after,
  })
  return after
}

export async function reopenSite(db: Db, actor: Actor, id: string): Promise<Site> {
  const before = await getSite(db, id)
  if (before.status === 'open') return before
  throwFirst(
    await checkSite(db, {
      id,
      code: before.code,
      kind: before.kind,
      divisionCode: before.divisionCode,
      organizationId: before.organizationId,
      open: true,
    }),
  )
  await db
    .updateTable('logistics_site')
    .set({ closed_at: null, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  const after = await getSite(db, id)
  await recordAudit(db, actor, {
    action: 'site.reopen',
    entityType: 'logistics_site',
    entityId: id,
    organizationId: after.organizationId,
    before,
    after,
  })
  return after
}
