import type { Db } from '../../db/database.js'
import { recordAudit } from '../../platform/audit/index.js'
import { readCsvRows } from '../../platform/export/index.js'
import type { Actor } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import { invalidField } from '../../shared/errors.js'
import type { CoordinateImportResult, RowError } from './schema.js'

// LOG-1: clerks bring surveyed station positions in bulk: a CSV of division code, latitude,
// longitude (WGS84). Good rows update their station and stop being approximate; bad rows come back.

const HEADERS = {
  code: ['区划代码', 'code', 'divisionCode'],
  lat: ['纬度', 'lat', 'latitude'],
  lon: ['经度', 'lon', 'lng', 'longitude'],
} as const

export async function importSiteCoordinates(
  db: Db,
  actor: Actor,
  content: Buffer,
): Promise<CoordinateImportResult> {
  const table = readCsvRows(content)
  const [header = [], ...rows] = table
  const column = (names: readonly string[]) =>
    header.findIndex((h) => names.some((n) => n.toLowerCase() === h.toLowerCase()))
  const at = { code: column(HEADERS.code), lat: column(HEADERS.lat), lon: column(HEADERS.lon) }
  if (at.code < 0 || at.lat < 0 || at.lon < 0)
    throw invalidField('file', {
      en: 'columns needed: code, lat, lon',
      zh: '需要列：区划代码、纬度、经度',
    })

  const errors: RowError[] = []
  const fail = (row: number, field: string, en: string, zh: string) =>
    errors.push({ row, field, message: en, messageZh: zh })
  let updated = 0
  for (const [index, cells] of rows.entries()) {
    const row = index + 2
    const code = cells[at.code] ?? ''
    const lat = Number(cells[at.lat])
    const lon = Number(cells[at.lon])
    // Any county's sites lie in China: anything outside its box is a typo or swapped columns.
    if (!Number.isFinite(lat) || lat < 18 || lat > 54) {
      fail(row, 'lat', 'must be a latitude in China', '纬度不在中国范围内')
      continue
    }
    if (!Number.isFinite(lon) || lon < 73 || lon > 136) {
      fail(row, 'lon', 'must be a longitude in China', '经度不在中国范围内')
      continue
    }
    const result = await db
      .updateTable('logistics_site')
      .set({ lat, lon, coordinates_approximate: 0, updated_at: nowIso() })
      .where('division_code', '=', code)
      .where('kind', '!=', 'hub')
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) {
      fail(row, 'code', `no station has the division code ${code}`, `区划代码 ${code} 没有对应站点`)
      continue
    }
    updated += 1
  }
  await recordAudit(db, actor, {
    action: 'site.import_coordinates',
    entityType: 'logistics_site',
    entityId: null,
    organizationId: null,
    after: { updated, failed: errors.length },
  })
  return { updated, failed: errors.length, errors }
}
