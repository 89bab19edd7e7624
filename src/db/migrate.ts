import { Migrator, type MigrationResultSet } from 'kysely'
import type { Db } from './database.js'
import { migrations } from './migrations/index.js'

/**
 * Brings the schema up to date; throws with the failing migration's name. `schema` (PostgreSQL):
 * where the migration bookkeeping lives when it is not the default — Kysely otherwise takes
 * another schema's bookkeeping tables for this one's.
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    const reason =
      result.error instanceof Error ? result.error.message : JSON.stringify(result.error)
    throw new Error(`migration ${failed} failed: ${reason}`, { cause: result.error })
  }
  return result
}
