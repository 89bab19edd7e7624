import type { Db } from '../../../db/database.js'
import { findOrganizationSummary } from '../../../platform/accounts/index.js'
import { recordAudit, recordAudits } from '../../../platform/audit/index.js'
import {
  fillSheet,
  readTableFile,
  rowsByField,
  type FilledSheet,
  type TableColumn,
} from '../../../platform/export/index.js'
import { findDivisionLevels } from '../../../platform/geography/index.js'
import {
  type Actor,
  compileItemValidator,
  type Page,
  pageWindow,
} from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { type Bilingual, conflict, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import {
  CreateStockLocationBody,
  MANAGED_LOCATION_KINDS,
  type ManagedLocationKind,
  type StockLocation,
  type StockLocationQuery,
  type StockLocationTable,
  type UpdateStockLocationBody,
} from './stock-schema.js'

// SVC-1, SVC-5 (issue 15): the O2O stores (体验店) and the county warehouse, created, edited,
// closed and reopened by the operator. A closed place sells, ships and hands over nothing new:
// checkout, the bulk buys' pickup store and stock booking only take active places.

const LOCATION = { en: 'store or warehouse', zh: '门店或仓库' }
const KIND_LABELS: Record<ManagedLocationKind, readonly string[]> = {
  warehouse: ['仓库', 'warehouse'],
  store: ['体验店', '门店', 'store'],
}

export const toStockLocation = (row: StockLocationTable): StockLocation => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  organizationId: row.organization_id,
  divisionCode: row.division_code,
  address: row.address,
  lat: row.lat,
  lon: row.lon,
  openingHours: row.opening_hours,
  contactName: row.contact_name,
  contactPhone: row.contact_phone,
  status: row.active === 1 ? 'open' : 'closed',
})

type LocationFilter = Omit<StockLocationQuery, 'page' | 'pageSize'>

function filtered(db: Db, query: LocationFilter) {
  let base = db
    .selectFrom('stock_location')
    .where('kind', 'in', query.kind ? [query.kind] : [...MANAGED_LOCATION_KINDS])
  if (query.status) base = base.where('active', '=', query.status === 'open' ? 1 : 0)
  if (query.townshipCode) base = base.where('division_code', 'like', `${query.townshipCode}%`)
  if (query.q) {
    const q = query.q
    base = base.where((eb) =>
      eb.or([eb('name', 'like', `%${q}%`), eb('address', 'like', `%${q}%`)]),
    )
  }
  return base
}

export async function listStockLocations(
  db: Db,
  query: StockLocationQuery,
): Promise<Page<StockLocation>> {
  const { page, pageSize, offset } = pageWindow(query)
  const base = filtered(db, query)
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('kind')
      .orderBy('name')
      .orderBy('id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return { items: rows.map(toStockLocation), total: Number(total), page, pageSize }
}

export async function allStockLocations(db: Db, query: LocationFilter): Promise<StockLocation[]> {
  const rows = await filtered(db, query).selectAll().orderBy('kind').orderBy('name').execute()
  return rows.map(toStockLocation)
}

export async function getStockLocation(db: Db, id: string): Promise<StockLocation> {
  const row = await db
    .selectFrom('stock_location')
    .selectAll()
    .where('id', '=', id)
    .where('kind', 'in', [...MANAGED_LOCATION_KINDS])
    .executeTakeFirst()
  if (!row) throw notFound(LOCATION, id)
  return toStockLocation(row)
}

interface LocationProblem {
  field: string
  message: Bilingual
}

/** A division of the county; for a store, a linked organization that is a store. */
async function checkLocation(
  db: Db,
  draft: { kind: ManagedLocationKind; divisionCode: string; organizationId: string | null },
): Promise<LocationProblem[]> {
  const problems: LocationProblem[] = []
  if (!(await findDivisionLevels(db, [draft.divisionCode])).has(draft.divisionCode))
    problems.push({
      field: 'divisionCode',
      message: {
        en: `${draft.divisionCode} is not a division of the county`,
        zh: `区划代码 ${draft.divisionCode} 不是本县的区划`,
      },
    })
  if (draft.organizationId !== null) {
    const organization = await findOrganizationSummary(db, draft.organizationId)
    const wanted = draft.kind === 'store' ? 'store' : 'operating_company'
    if (organization?.type !== wanted)
      problems.push({
        field: 'organizationId',
        message:
          draft.kind === 'store'
            ? { en: 'must be a store organization', zh: '须为体验店组织' }
            : { en: 'must be the operating company', zh: '须为运营公司' },
      })
  }
  return problems
}

function throwFirst(problems: readonly LocationProblem[]): void {
  const [first] = problems
  if (first) throw invalidField(first.field, first.message)
}

function checkCoordinates(lat: number | undefined, lon: number | undefined): void {
  if ((lat === undefined) !== (lon === undefined))
    throw invalidField(lat === undefined ? 'lat' : 'lon', {
      en: 'set latitude and longitude together',
      zh: '经纬度须同时填写',
    })
}

const newRow = (body: CreateStockLocationBody): StockLocationTable => ({
  id: newId(),
  kind: body.kind,
  name: body.name,
  organization_id: body.organizationId ?? null,
  site_id: null,
  division_code: body.divisionCode,
  address: body.address,
  opening_hours: body.openingHours,
  active: 1,
  created_at: nowIso(),
  lat: body.lat !== undefined && body.lon !== undefined ? body.lat : null,
  lon: body.lat !== undefined && body.lon !== undefined ? body.lon : null,
  contact_name: body.contactName ?? null,
  contact_phone: body.contactPhone ?? null,
})

const changes = (body: UpdateStockLocationBody) => ({
  ...(body.name !== undefined ? { name: body.name } : {}),
  ...(body.divisionCode !== undefined ? { division_code: body.divisionCode } : {}),
  ...(body.address !== undefined ? { address: body.address } : {}),
  ...(body.lat !== undefined && body.lon !== undefined ? { lat: body.lat, lon: body.lon } : {}),
  ...(body.openingHours !== undefined ? { opening_hours: body.openingHours } : {}),
  ...(body.contactName !== undefined ? { contact_name: body.contactName } : {}),
  ...(body.contactPhone !== undefined ? { contact_phone: body.contactPhone } : {}),
  ...(body.organizationId !== undefined ? { organization_id: body.organizationId } : {}),
})

export async function createStockLocation(
  db: Db,
  actor: Actor,
  body: CreateStockLocationBody,
): Promise<StockLocation> {
  checkCoordinates(body.lat, body.lon)
  throwFirst(
    await checkLocation(db, {
      kind: body.kind,
      divisionCode: body.divisionCode,
      organizationId: body.organizationId ?? null,
    }),
  )
  const row = newRow(body)
  await db.insertInto('stock_location').values(row).execute()
  const after = toStockLocation(row)
  await recordAudit(db, actor, {
    action: 'stock_location.create',
    entityType: 'stock_location',
    entityId: row.id,
    organizationId: row.organization_id,
    after,
  })
  return after
}

export async function updateStockLocation(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateStockLocationBody,
): Promise<StockLocation> {
  const before = await getStockLocation(db, id)
  checkCoordinates(body.lat, body.lon)
  throwFirst(
    await checkLocation(db, {
      kind: before.kind === 'store' ? 'store' : 'warehouse',
      divisionCode: body.divisionCode ?? before.divisionCode,
      organizationId: body.organizationId !== undefined ? body.organizationId : null,
    }),
  )
  await db.updateTable('stock_location').set(changes(body)).where('id', '=', id).execute()
  const after = await getStockLocation(db, id)
  await recordAudit(db, actor, {
    action: 'stock_location.update',
    entityType: 'stock_location',
    entityId: id,
    organizationId: after.organizationId,
    before,
    after,
  })
  return after
}

/**
 * Closing a store or the warehouse: refused (409) while orders wait there for pickup or hold
 * stock there, so no consumer is left with an order nobody can hand over.
 */
export async function closeStockLocation(db: Db, actor: Actor, id: string): Promise<StockLocation> {
  const before = await getStockLocation(db, id)
  if (before.status === 'closed') return before
  const pickups = await db
    .selectFrom('shop_order')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('pickup_location_id', '=', id)
    .where('status', 'in', ['created', 'paid', 'ready_for_pickup'])
    .executeTakeFirstOrThrow()
  const reserved = await db
    .selectFrom('stock_level')
    .select((eb) => eb.fn.sum<number | string | null>('reserved').as('units'))
    .where('location_id', '=', id)
    .executeTakeFirstOrThrow()
  const orders = Number(pickups.count)
  const units = Number(reserved.units ?? 0)
  if (orders > 0 || units > 0)
    throw conflict(
      {
        en: `${before.name} still has ${orders} order(s) to hand over and ${units} unit(s) reserved: finish or cancel them before closing it`,
        zh: `${before.name}还有 ${orders} 个待自提订单、${units} 件预留库存，请处理完毕后再关闭`,
      },
      'id',
    )
  return setActive(db, actor, before, 0, 'stock_location.close')
}

export async function reopenStockLocation(
  db: Db,
  actor: Actor,
  id: string,
): Promise<StockLocation> {
  const before = await getStockLocation(db, id)
  if (before.status === 'open') return before
  return setActive(db, actor, before, 1, 'stock_location.reopen')
}

async function setActive(
  db: Db,
  actor: Actor,
  before: StockLocation,
  active: 0 | 1,
  action: string,
): Promise<StockLocation> {
  await db.updateTable('stock_location').set({ active }).where('id', '=', before.id).execute()
  const after = await getStockLocation(db, before.id)
  await recordAudit(db, actor, {
    action,
    entityType: 'stock_location',
    entityId: before.id,
    organizationId: after.organizationId,
    before,
    after,
  })
  return after
}

// ---- Excel: the export reads back in; a row with an 编号 updates that place, others create ----

export const LOCATION_COLUMNS: readonly TableColumn[] = [
  { field: 'id', headers: ['编号', 'id'], example: '' },
  { field: 'kind', headers: ['类型', 'kind'], required: true, example: '体验店' },
  { field: 'name', headers: ['名称', 'name'], required: true, example: '某某体验店' },
  {
    field: 'divisionCode',
    headers: ['区划代码', 'divisionCode'],
    required: true,
    example: '（本县乡镇区划代码，9 位）',
  },
  { field: 'address', headers: ['地址', 'address'], required: true, example: '某某街 1 号' },
  { field: 'lat', headers: ['纬度', 'lat'], example: 38.72 },
  { field: 'lon', headers: ['经度', 'lon'], example: 113.25 },
  {
    field: 'openingHours',
    headers: ['营业时间', 'openingHours'],
    required: true,
    example: '09:00-21:00',
  },
  { field: 'contactName', headers: ['联系人', 'contactName'], example: '张三' },
  { field: 'contactPhone', headers: ['联系电话', 'contactPhone'], example: '13912345678' },
]

const validateRow = compileItemValidator(CreateStockLocationBody)

export interface LocationImportResult {
  rowsTotal: number
  created: number
  updated: number
  failed: number
  errors: { row: number; field: string; message: string; messageZh: string }[]
}

export async function importStockLocations(
  db: Db,
  actor: Actor,
  fileName: string,
  content: Buffer,
): Promise<LocationImportResult> {
  const rows = rowsByField(await readTableFile(fileName, content), LOCATION_COLUMNS)
  const errors: LocationImportResult['errors'] = []
  const fail = (row: number, field: string, message: Bilingual) =>
    errors.push({ row, field, message: message.en, messageZh: message.zh })
  const creates: CreateStockLocationBody[] = []
  const updates: { id: string; body: CreateStockLocationBody }[] = []
  for (const { row, values } of rows) {
    const { id, ...fields } = values
    const text = fields.kind?.toLowerCase()
    const candidate = {
      ...fields,
      kind:
        MANAGED_LOCATION_KINDS.find((k) => text && KIND_LABELS[k].includes(text)) ?? fields.kind,
      ...(fields.lat !== undefined ? { lat: Number(fields.lat) } : {}),
      ...(fields.lon !== undefined ? { lon: Number(fields.lon) } : {}),
    }
    const fieldErrors = validateRow(candidate)
    if (fieldErrors.length > 0) {
      for (const e of fieldErrors) fail(row, e.field, e.message)
      continue
    }
    const body = candidate as CreateStockLocationBody
    if ((body.lat === undefined) !== (body.lon === undefined)) {
      fail(row, body.lat === undefined ? 'lat' : 'lon', {
        en: 'set latitude and longitude together',
        zh: '经纬度须同时填写',
      })
      continue
    }
    const problems = await checkLocation(db, {
      kind: body.kind,
      divisionCode: body.divisionCode,
      organizationId: null,
    })
    if (id !== undefined) {
      const existing = await db
        .selectFrom('stock_location')
        .select('kind')
        .where('id', '=', id)
        .executeTakeFirst()
      if (existing?.kind !== body.kind)
        problems.push({
          field: 'id',
          message: {
            en: `no ${body.kind} has the id ${id}`,
            zh: `编号 ${id} 没有对应的同类门店或仓库`,
          },
        })
    }
    if (problems.length > 0) {
      for (const p of problems) fail(row, p.field, p.message)
      continue
    }
    if (id !== undefined) updates.push({ id, body })
    else creates.push(body)
  }
  const failed = new Set(errors.map((e) => e.row)).size
  const landed =
    errors.length > 0
      ? { created: 0, updated: 0 }
      : { created: creates.length, updated: updates.length }
  const created = errors.length > 0 ? [] : creates.map(newRow)
  if (created.length > 0) await db.insertInto('stock_location').values(created).execute()
  const changed: { before: StockLocation; after: StockLocation }[] = []
  if (errors.length === 0)
    for (const { id, body } of updates) {
      const before = await getStockLocation(db, id)
      const rest: Omit<typeof body, 'kind'> & { kind?: unknown } = { ...body }
      delete rest.kind
      await db.updateTable('stock_location').set(changes(rest)).where('id', '=', id).execute()
      changed.push({ before, after: await getStockLocation(db, id) })
    }
  await recordAudits(db, actor, [
    {
      action: 'stock_location.import',
      entityType: 'stock_location',
      entityId: null,
      organizationId: null,
      after: { fileName, rowsTotal: rows.length, ...landed, failed },
    },
    ...created.map((row) => ({
      action: 'stock_location.create',
      entityType: 'stock_location',
      entityId: row.id,
      organizationId: row.organization_id,
      after: toStockLocation(row),
    })),
    ...changed.map(({ before, after }) => ({
      action: 'stock_location.update',
      entityType: 'stock_location',
      entityId: after.id,
      organizationId: after.organizationId,
      before,
      after,
    })),
  ])
  return { rowsTotal: rows.length, ...landed, failed, errors }
}

export const locationsSheet = (locations: readonly StockLocation[]): FilledSheet =>
  fillSheet({
    name: '门店与仓库',
    rows: locations,
    columns: [
      { header: '编号', value: (l) => l.id, width: 28 },
      {
        header: '类型',
        value: (l) => (l.kind === 'store' ? '体验店' : l.kind === 'warehouse' ? '仓库' : l.kind),
      },
      { header: '名称', value: (l) => l.name, width: 28 },
      { header: '区划代码', value: (l) => l.divisionCode, width: 16 },
      { header: '地址', value: (l) => l.address, width: 28 },
      { header: '纬度', value: (l) => l.lat, numberFormat: '0.000000' },
      { header: '经度', value: (l) => l.lon, numberFormat: '0.000000' },
      { header: '营业时间', value: (l) => l.openingHours, width: 14 },
      { header: '联系人', value: (l) => l.contactName },
      { header: '联系电话', value: (l) => l.contactPhone, width: 14 },
      { header: '状态', value: (l) => (l.status === 'open' ? '营业中' : '已关闭') },
    ],
  })
