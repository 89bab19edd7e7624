import type { Db } from '../../db/database.js'
import { recordAudits } from '../../platform/audit/index.js'
import {
  fillSheet,
  readTableFile,
  rowsByField,
  type FilledSheet,
  type TableColumn,
} from '../../platform/export/index.js'
import { type Actor, compileItemValidator } from '../../platform/http/index.js'
import {
  CreateSiteBody,
  SITE_KINDS,
  type RowError,
  type Site,
  type SiteImportResult,
  type SiteKind,
} from './schema.js'
import { checkSite, getSite, newSiteRow, siteChanges, toSite } from './sites.js'

// LOG-1 (issue 15): the network in bulk from Excel. A row whose 站点编码 exists updates that site,
// any other row creates one. All rows land or none: any bad row and nothing is written, every
// error comes back with its row and field. The export has the same columns, so a clerk exports,
// corrects and imports again.

const KIND_LABELS: Record<SiteKind, readonly string[]> = {
  hub: ['物流中心', '县级物流中心', 'hub'],
  township: ['乡镇站', '乡镇物流站', 'township'],
  village: ['村站', '村级服务站', 'village'],
}
const STATUS_LABEL = { open: '运营中', closed: '已关闭' }

export const SITE_COLUMNS: readonly TableColumn[] = [
  { field: 'code', headers: ['站点编码', 'code'], required: true, example: 'ZD-0001' },
  { field: 'kind', headers: ['类型', 'kind'], required: true, example: '村站' },
  { field: 'name', headers: ['名称', 'name'], required: true, example: '某某村级服务站' },
  {
    field: 'divisionCode',
    headers: ['区划代码', 'divisionCode'],
    required: true,
    example: '（本县村级区划代码，12 位）',
  },
  { field: 'address', headers: ['地址', 'address'], example: '某某村委会旁' },
  { field: 'lat', headers: ['纬度', 'lat', 'latitude'], example: 38.72 },
  { field: 'lon', headers: ['经度', 'lon', 'lng', 'longitude'], example: 113.25 },
  {
    field: 'openingHours',
    headers: ['营业时间', 'openingHours'],
    required: true,
    example: '08:00-18:00',
  },
  { field: 'masterName', headers: ['站长', 'masterName'], example: '张三' },
  { field: 'masterPhone', headers: ['站长电话', 'masterPhone'], example: '13912345678' },
]

const validateRow = compileItemValidator(CreateSiteBody)

const kindOf = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined
  return SITE_KINDS.find((kind) => KIND_LABELS[kind].includes(text.toLowerCase())) ?? text
}

const numberOr = (text: string | undefined): number | string | undefined =>
  text === undefined ? undefined : Number.isFinite(Number(text)) ? Number(text) : text

export async function importSites(
  db: Db,
  actor: Actor,
  fileName: string,
  content: Buffer,
): Promise<SiteImportResult> {
  const rows = rowsByField(await readTableFile(fileName, content), SITE_COLUMNS)
  const errors: RowError[] = []
  const fail = (row: number, field: string, message: { en: string; zh: string }) =>
    errors.push({ row, field, message: message.en, messageZh: message.zh })

  const seenCodes = new Set<string>()
  const hubsInFile = new Set<string>()
  const creates: CreateSiteBody[] = []
  const updates: { id: string; body: CreateSiteBody }[] = []
  for (const { row, values } of rows) {
    const candidate = {
      ...values,
      kind: kindOf(values.kind),
      lat: numberOr(values.lat),
      lon: numberOr(values.lon),
    }
    const fieldErrors = validateRow(
      Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)),
    )
    if (fieldErrors.length > 0) {
      for (const e of fieldErrors) fail(row, e.field, e.message)
      continue
    }
    const body = candidate as CreateSiteBody
    if ((body.lat === undefined) !== (body.lon === undefined)) {
      fail(row, body.lat === undefined ? 'lat' : 'lon', {
        en: 'set latitude and longitude together',
        zh: '经纬度须同时填写',
      })
      continue
    }
    if (seenCodes.has(body.code)) {
      fail(row, 'code', { en: 'appears twice in this file', zh: '站点编码在文件中重复' })
      continue
    }
    seenCodes.add(body.code)
    const existing = await db
      .selectFrom('logistics_site')
      .select(['id', 'kind', 'closed_at'])
      .where('code', '=', body.code)
      .executeTakeFirst()
    if (existing && existing.kind !== body.kind) {
      fail(row, 'kind', {
        en: 'the kind of an existing site cannot change',
        zh: '已有站点的类型不能修改',
      })
      continue
    }
    const open = existing ? existing.closed_at === null : true
    const problems = await checkSite(db, {
      id: existing?.id ?? null,
      code: body.code,
      kind: body.kind,
      divisionCode: body.divisionCode,
      organizationId: null,
      open,
    })
    if (body.kind === 'hub' && open) {
      if (hubsInFile.has(body.divisionCode))
        problems.push({
          field: 'kind',
          message: {
            en: 'a second hub for the county in this file',
            zh: '文件中同一县有两个物流中心',
          },
          conflict: true,
        })
      hubsInFile.add(body.divisionCode)
    }
    if (problems.length > 0) {
      for (const p of problems) fail(row, p.field, p.message)
      continue
    }
    if (existing) updates.push({ id: existing.id, body })
    else creates.push(body)
  }

  const result = { rowsTotal: rows.length, failed: new Set(errors.map((e) => e.row)).size, errors }
  if (errors.length > 0) {
    // Nothing is written, but the attempt is on record, as every import is.
    await recordAudits(db, actor, [importEvent(fileName, { ...result, created: 0, updated: 0 })])
    return { ...result, created: 0, updated: 0 }
  }

  const created = creates.map(newSiteRow)
  for (let i = 0; i < created.length; i += 100)
    await db
      .insertInto('logistics_site')
      .values(created.slice(i, i + 100))
      .execute()
  const changed: { before: Site; after: Site }[] = []
  for (const { id, body } of updates) {
    const before = await getSite(db, id)
    const changes: Omit<typeof body, 'kind'> & { kind?: unknown } = { ...body }
    delete changes.kind
    // An exported position read back unchanged stays as it was (approximate ones stay a guess).
    const samePlace =
      changes.lat !== undefined &&
      Math.abs(changes.lat - (before.lat ?? NaN)) < 1e-6 &&
      Math.abs((changes.lon ?? NaN) - (before.lon ?? NaN)) < 1e-6
    if (samePlace) {
      delete changes.lat
      delete changes.lon
    }
    await db.updateTable('logistics_site').set(siteChanges(changes)).where('id', '=', id).execute()
    changed.push({ before, after: await getSite(db, id) })
  }
  const landed = { ...result, created: created.length, updated: changed.length }
  await recordAudits(db, actor, [
    importEvent(fileName, landed),
    ...created.map((row) => ({
      action: 'site.create',
      entityType: 'logistics_site',
      entityId: row.id,
      organizationId: null,
      after: toSite(row),
    })),
    ...changed.map(({ before, after }) => ({
      action: 'site.update',
      entityType: 'logistics_site',
      entityId: after.id,
      organizationId: after.organizationId,
      before,
      after,
    })),
  ])
  return landed
}

const importEvent = (fileName: string, result: SiteImportResult) => ({
  action: 'site.import',
  entityType: 'logistics_site',
  entityId: null,
  organizationId: null,
  after: {
    fileName,
    rowsTotal: result.rowsTotal,
    created: result.created,
    updated: result.updated,
    failed: result.failed,
  },
})

/** The sites as the import reads them, plus their status. */
export const sitesSheet = (sites: readonly Site[]): FilledSheet =>
  fillSheet({
    name: '站点',
    rows: sites,
    columns: [
      { header: '站点编码', value: (s) => s.code, width: 16 },
      { header: '类型', value: (s) => KIND_LABELS[s.kind][0] ?? s.kind, width: 10 },
      { header: '名称', value: (s) => s.name, width: 28 },
      { header: '区划代码', value: (s) => s.divisionCode, width: 16 },
      { header: '地址', value: (s) => s.address, width: 28 },
      { header: '纬度', value: (s) => s.lat, numberFormat: '0.000000' },
      { header: '经度', value: (s) => s.lon, numberFormat: '0.000000' },
      { header: '营业时间', value: (s) => s.openingHours, width: 14 },
      { header: '站长', value: (s) => s.masterName },
      { header: '站长电话', value: (s) => s.masterPhone, width: 14 },
      { header: '状态', value: (s) => STATUS_LABEL[s.status] },
    ],
  })
