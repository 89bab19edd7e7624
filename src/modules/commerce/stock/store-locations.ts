import type { Db } from '../../../db/database.js'

// The stores (体验店) other modules point at, e.g. a bulk-buy campaign's pickup store.

/** Whether `locationId` is a store that is open. */
export async function isOpenStore(db: Db, locationId: string): Promise<boolean> {
  const store = await db
    .selectFrom('stock_location')
    .select('id')
    .where('id', '=', locationId)
    .where('kind', '=', 'store')
    .where('active', '=', 1)
    .executeTakeFirst()
  return store !== undefined
}

/** The names of the stock locations that exist among `locationIds`, by id. */
export async function locationNames(
  db: Db,
  locationIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('stock_location')
    .select(['id', 'name'])
    .where('id', 'in', [...locationIds, ''])
    .execute()
  return new Map(rows.map((row) => [row.id, row.name]))
}
