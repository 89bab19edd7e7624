import { loadConfig } from './config.js'
import { createDb } from '../db/create-db.js'
import { migrateToLatest } from '../db/migrate.js'

// `npm run migrate`: applies pending migrations to DATABASE_URL (or the SQLite file in DATA_DIR).
const config = loadConfig()
const { db } = createDb(config.databaseUrl)
try {
  const { results = [] } = await migrateToLatest(db)
  for (const r of results) console.log(`${r.status.padEnd(8)} ${r.migrationName}`)
  if (results.length === 0) console.log('schema is up to date')
} finally {
  await db.destroy()
}
