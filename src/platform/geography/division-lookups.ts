import type { Db } from '../../db/database.js'

// What other folders read of the divisions, by code (issue 13: only geography names its table).

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

export interface VillagePlace {
  code: string
  shortName: string
  townshipCode: string
  townshipName: string
}

/** The villages among these codes with their township, by code; other codes are left out. */
export async function findVillagePlaces(
  db: Db,
  codes: readonly (string | null)[],
): Promise<Map<string, VillagePlace>> {
  const wanted = [...new Set(codes.filter((c): c is string => c !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('division as village')
    .innerJoin('division as township', 'township.code', 'village.parent_code')
    .select([
      'village.code as code',
      'village.short_name as shortName',
      'township.code as townshipCode',
      'township.name as townshipName',
    ])
    .where('village.code', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.code, r]))
}

export interface DivisionLevelInfo {
  code: string
  name: string
  level: 'county' | 'township' | 'village'
  parentCode: string | null
}

/** Level and parent of the given division codes, by code; unknown codes are left out. */
export async function findDivisionLevels(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, DivisionLevelInfo>> {
  const wanted = [...new Set(codes)]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('division')
    .select(['code', 'name', 'level', 'parent_code as parentCode'])
    .where('code', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.code, r]))
}
