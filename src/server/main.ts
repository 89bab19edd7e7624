import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { createDb } from '../db/create-db.js'
import { migrateToLatest } from '../db/migrate.js'
import { seedDemoData } from '../demo/seed.js'
import { createMediaStorage } from '../modules/commerce/index.js'
import { failAbandonedPlans, plansInFlight } from '../modules/logistics/index.js'
import { NODE_ID, startPeriodicJob } from '../platform/jobs/index.js'
import { startSmsDispatcher } from '../platform/notifications/index.js'
import { issueSetupToken } from '../platform/setup/index.js'
import { createOsrmProvider } from '../routing/index.js'
import { buildApp } from './build-app.js'
import { ConfigError, loadConfig } from './config.js'
import { providerPayments } from '../modules/commerce/index.js'
import { smsProviderFor } from './sms-provider.js'

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist')

async function main(): Promise<void> {
  const config = loadConfig()
  const { db, dialect } = createDb(
    config.databaseUrl,
    config.databasePoolSize === undefined ? {} : { poolSize: config.databasePoolSize },
  )
  const redis = config.redisUrl ? new Redis(config.redisUrl) : undefined
  await migrateToLatest(db)
  const { seeded } = config.demoData
    ? await seedDemoData(db, { parcelHistory: true, promotions: true })
    : { seeded: false }
  // No county yet (DEMO_DATA=off on an empty database): a one-time link for this start (issue 15).
  const setupToken = await issueSetupToken(db)
  const app = await buildApp({
    db,
    sessionSecret: config.sessionSecret,
    logger: { level: config.logLevel },
    webDir: WEB_DIR,
    secureCookies: config.production,
    production: config.production,
    media: createMediaStorage(config.media, config.dataDir),
    ...(config.osrmUrl ? { roadMatrix: createOsrmProvider({ baseUrl: config.osrmUrl }) } : {}),
    revealLoginCodes: config.sms.provider === 'local',
    ...(config.payment.provider === 'local' ? {} : { payments: providerPayments(config.payment) }),
    backgroundJobs: true,
    trustProxy: config.trustProxy,
    loginCodeLimits: config.loginCodeLimits,
    ...(redis ? { redis, redisKeyPrefix: config.redisKeyPrefix } : {}),
    setupGate: true,
  })
  const smsDispatcher = startSmsDispatcher(db, smsProviderFor(config.sms), app.log)
  // A plan whose node died mid-solve is failed once its lease lapses, by one node (issue 14).
  const abandonedPlans = startPeriodicJob(
    'abandoned-plans',
    60_000,
    () => failAbandonedPlans(db),
    app.log,
    { db, runAtStart: true },
  )
  app.log.info(
    { dialect, seeded, node: NODE_ID },
    seeded ? 'database migrated; demo data loaded' : 'database migrated',
  )

  let closing = false
  const shutDown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: finishing requests in flight')
    void app
      .close()
      // A plan being solved finishes within its time limit; let it land before the pool closes.
      .then(() =>
        Promise.allSettled([...plansInFlight, smsDispatcher.stop(), abandonedPlans.stop()]),
      )
      .then(() => Promise.all([db.destroy(), redis?.quit()]))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'unclean shutdown')
          process.exit(1)
        },
      )
  }
  process.on('SIGTERM', () => shutDown('SIGTERM'))
  process.on('SIGINT', () => shutDown('SIGINT'))

  await app.listen({ port: config.port, host: config.host })
  if (setupToken) {
    const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host
    const link = `http://${host}:${String(config.port)}/setup?token=${setupToken}`
    // Printed once per start, on stdout as well as in the log, until setup is done.
    app.log.warn({ setupLink: link }, 'setup required: open the setup link (or run npm run setup)')
    console.log(`\n  村通 Cuntong — set this installation up / 完成初始设置:\n  ${link}\n`)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
