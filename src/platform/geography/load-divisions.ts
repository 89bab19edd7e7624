import type { Db } from '../../db/database.js'
import type { Division } from './schema.js'

export type DivisionInput = Omit<Division, 'childCount'>

/** Loads a county's division tree (parents before children); skips codes already present. */
export async function loadDivisions(db: Db, divisions: readonly DivisionInput[]): Promise<number> {
  const existing = new Set(
    (await db.selectFrom('division').select('code').execute()).map((r) => r.code),
  )
  const fresh = divisions.filter((d) => !existing.has(d.code))
  const rows = fresh.map((d, index) => ({
    code: d.code,
    name: d.name,
    short_name: d.shortName,
    level: d.level,
    parent_code: d.parentCode,
    lat: d.lat,
    lon: d.lon,
    coordinate_note: d.coordinateNote,
    scenic_area: d.scenicArea ? 1 : 0,
    sort_order: index,
  }))
  // Parents first, so the self-reference holds at every insert.
  const order = { county: 0, township: 1, village: 2 } as const
  rows.sort((a, b) => order[a.level] - order[b.level])
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('division')
      .values(rows.slice(i, i + 200))
      .execute()
  return rows.length
}
