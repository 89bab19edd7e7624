import type { Db } from '../../db/database.js'
import { ancestorNames, pathOf } from './division-paths.js'
import { findRegion, regionPath } from './regions.js'

// Where an address's code lies (issue 15, SVC-1): inside the county (a township or village of the
// division table, delivered by the county network) or anywhere else in China (a county or street
// of the nationwide list, shipped through an alliance carrier).

export interface Place {
  code: string
  insideCounty: boolean
  /** Inside: 县 乡镇 村 as before; outside: 省 市 县 (街道). */
  path: string[]
  /** The GB/T 2260 province code (two digits). */
  provinceCode: string
}

/** The places of the given codes; a code neither the divisions nor the regions know is left out. */
export async function findPlaces(
  db: Db,
  codes: readonly (string | null)[],
): Promise<Map<string, Place>> {
  const wanted = [...new Set(codes.filter((c): c is string => c !== null))]
  const places = new Map<string, Place>()
  if (wanted.length === 0) return places
  const rows = await db.selectFrom('division').selectAll().where('code', 'in', wanted).execute()
  const names = await ancestorNames(db, rows)
  for (const row of rows)
    places.set(row.code, {
      code: row.code,
      insideCounty: true,
      path: pathOf(row, names),
      provinceCode: row.code.slice(0, 2),
    })
  for (const code of wanted) {
    if (places.has(code)) continue
    const path = regionPath(code)
    if (path.length > 0)
      places.set(code, {
        code,
        insideCounty: false,
        path: path.map((p) => p.name),
        provinceCode: code.slice(0, 2),
      })
  }
  return places
}

/**
 * The place a new address may use, or null: a current township or village of the county, or a
 * county or street elsewhere. A county or street of the county itself is refused, so that the
 * county's own addresses always name the township the county network delivers to.
 */
export async function deliverablePlace(db: Db, code: string): Promise<Place | null> {
  const division = await db
    .selectFrom('division')
    .select(['level', 'retired_in_year'])
    .where('code', '=', code)
    .executeTakeFirst()
  if (division) {
    if (division.level === 'county' || division.retired_in_year !== null) return null
    return (await findPlaces(db, [code])).get(code) ?? null
  }
  const region = findRegion(code)
  if (!region || (region.level !== 'county' && region.level !== 'street')) return null
  const ownCounty = await db
    .selectFrom('division')
    .select('code')
    .where('level', '=', 'county')
    .where('code', '=', code.slice(0, 6))
    .executeTakeFirst()
  if (ownCounty) return null
  return (await findPlaces(db, [code])).get(code) ?? null
}
