import { createDb } from '../db/create-db.js'
import { migrateToLatest } from '../db/migrate.js'
import { DEMO_PASSWORD } from '../demo/demo-accounts.js'
import { seedDemoData } from '../demo/seed.js'
import { loadConfig } from './config.js'

// `npm run seed`: the demo data of src/demo (divisions, organizations, accounts, network, catalog, two
// weeks of parcels, promotions) into an empty database at DATABASE_URL (or DATA_DIR's SQLite file).
// A database with accounts or a county is refused: the demo never mixes with real data.
const config = loadConfig()
const { db } = createDb(config.databaseUrl)
try {
  await migrateToLatest(db)
  const { seeded } = await seedDemoData(db, { parcelHistory: true, promotions: true })
  if (!seeded) {
    console.error(
      'The database is not empty (it has accounts): the demo data goes only into an empty database.\n' +
        '数据库非空（已有账号），演示数据只能导入空数据库。Point DATABASE_URL or DATA_DIR at a new one.',
    )
    process.exitCode = 1
  } else {
    console.log(`Demo data loaded. 演示数据已导入。Every demo account's password: ${DEMO_PASSWORD}`)
  }
} finally {
  await db.destroy()
}
