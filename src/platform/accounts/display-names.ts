import type { Db } from '../../db/database.js'

/** The display names of the users that exist among `userIds`, by id. */
export async function displayNamesOf(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', 'in', [...userIds, ''])
    .execute()
  return new Map(rows.map((row) => [row.id, row.display_name]))
}
