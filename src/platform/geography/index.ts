import type { Db } from '../../db/database.js'

export { findDivisionPaths } from './division-paths.js'
export { loadDivisions, type DivisionInput } from './load-divisions.js'
export { geographyRoutes } from './routes.js'
export type { Division, GeographyTables } from './schema.js'

/** Names of the given division codes, for showing an address's place. */
export async function findDivisionNames(
  db: Db,
  codes: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => c !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('division')
    .select(['code', 'name'])
    .where('code', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.code, r.name]))
}

export const divisionExists = async (db: Db, code: string): Promise<boolean> =>
  (await db.selectFrom('division').select('code').where('code', '=', code).executeTakeFirst()) !==
  undefined
