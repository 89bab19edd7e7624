import { sql } from 'kysely'
import { inject } from 'vitest'
import { createDb, type DbHandle } from '../db/create-db.js'
import { migrateToLatest } from '../db/migrate.js'

let schemaCounter = 0

/**
 * A fresh, migrated database for one test: in-memory SQLite by default, or (TEST_DB=postgres)
 * a new schema in the run's PostgreSQL database. Call `destroy` when done.
 */
export async function createTestDb(): Promise<DbHandle & { destroy: () => Promise<void> }> {
  const postgresUrl = inject('postgresUrl')
  if (postgresUrl === null) {
    const handle = createDb('sqlite::memory:')
    await migrateToLatest(handle.db)
    return { ...handle, destroy: () => handle.db.destroy() }
  }
  schemaCounter += 1
  const schema = `t_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}_${schemaCounter}`
  const bootstrap = createDb(postgresUrl, { poolSize: 1 })
  await sql`create schema ${sql.id(schema)}`.execute(bootstrap.db)
  await bootstrap.db.destroy()
  const handle = createDb(postgresUrl, { schema, poolSize: 10 })
  await migrateToLatest(handle.db, schema)
  return {
    ...handle,
    destroy: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.db)
      await handle.db.destroy()
    },
  }
}
