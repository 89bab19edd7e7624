import type { Db } from '../../db/database.js'
import type { DivisionTable } from './schema.js'

// A division's path from the county down (县 → 乡镇 → 村), for search results and addresses.

/** Names of every ancestor of the rows (the tree is three levels deep, so two lookups at most). */
export async function ancestorNames(
  db: Db,
  rows: DivisionTable[],
): Promise<Map<string, { name: string; parent: string | null }>> {
  const known = new Map<string, { name: string; parent: string | null }>(
    rows.map((r) => [r.code, { name: r.name, parent: r.parent_code }]),
  )
  let missing = rows
    .map((r) => r.parent_code)
    .filter((c): c is string => c !== null && !known.has(c))
  while (missing.length > 0) {
    const parents = await db
      .selectFrom('division')
      .select(['code', 'name', 'parent_code'])
      .where('code', 'in', missing)
      .execute()
    for (const p of parents) known.set(p.code, { name: p.name, parent: p.parent_code })
    missing = parents
      .map((p) => p.parent_code)
      .filter((c): c is string => c !== null && !known.has(c))
  }
  return known
}

export function pathOf(
  row: DivisionTable,
  names: Map<string, { name: string; parent: string | null }>,
): string[] {
  const path: string[] = []
  for (let code: string | null = row.code; code !== null; code = names.get(code)?.parent ?? null) {
    const entry = names.get(code)
    if (!entry) break
    path.unshift(entry.name)
  }
  return path
}

/** The path of names (county first) of each given division code that exists. */
export async function findDivisionPaths(
  db: Db,
  codes: readonly (string | null)[],
): Promise<Map<string, string[]>> {
  const wanted = [...new Set(codes.filter((c): c is string => c !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db.selectFrom('division').selectAll().where('code', 'in', wanted).execute()
  const names = await ancestorNames(db, rows)
  return new Map(rows.map((row) => [row.code, pathOf(row, names)]))
}
