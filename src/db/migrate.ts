import { Migrator, type MigrationResultSet } from 'kysely'
import type { Db } from './database.js'
import { migrations } from './migrations/index.js'

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error })
  }
  return result
}
