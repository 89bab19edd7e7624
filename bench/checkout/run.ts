// `npm run bench:checkout [-- --db sqlite|postgres --orders 2000 --concurrency 16 --buyers 40
// --redis --statements]`:
// checkouts per second through the real HTTP API (a listening server, fetch with keep-alive),
// against a baseline measured in the same run on the same server: GET /healthz, the most
// trivial route, at the same concurrency — so machine noise cancels out of the ratio.
// PostgreSQL: a fresh database on 127.0.0.1 (TEST_PG_ADMIN_URL to change), dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Redis } from 'ioredis'
import { createDb } from '../../src/db/create-db.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { seedDemoData } from '../../src/demo/seed.js'
import { receiveStock } from '../../src/modules/commerce/index.js'
import { buildApp } from '../../src/server/build-app.js'
import {
  BENCH_LOGIN_CODE_LIMITS,
  freshPostgres,
  load,
  resultRow,
  signInShopper,
  type Session,
} from '../support/http-load.js'
import { runHeader } from '../support/run-header.js'
import { countStatements } from '../support/statement-count.js'

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    orders: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    buyers: { type: 'string', default: '40' },
    /** Also list the statements by shape (verb and table), per checkout. */
    statements: { type: 'boolean', default: false },
    /** Run the app with Redis (REDIS_URL or the local one), as a county does: sessions cached. */
    redis: { type: 'boolean', default: false },
  },
})
const ORDERS = Number(values.orders)
const CONCURRENCY = Number(values.concurrency)
const BUYERS = Number(values.buyers)
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function main(): Promise<void> {
  console.log(runHeader())
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cuntong-bench-'))
  const database = values.db === 'postgres' ? await freshPostgres(ADMIN_URL) : undefined
  const counted = countStatements()
  const { db } = createDb(database?.url ?? `sqlite:${path.join(dataDir, 'bench.sqlite')}`, {
    log: counted.log,
  })
  await migrateToLatest(db)
  await seedDemoData(db)
  const redis = values.redis
    ? new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
    : undefined
  const app = await buildApp({
    db,
    sessionSecret: 'bench-secret-that-is-long-enough-0123456789',
    loginCodeLimits: BENCH_LOGIN_CODE_LIMITS,
    ...(redis ? { redis, redisKeyPrefix: `bench:${Date.now()}:` } : {}),
  })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })

  // One SKU with enough stock at the warehouse for every order of the run.
  const sku = await db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .select('sku.id')
    .where('product.status', '=', 'on_sale')
    .executeTakeFirstOrThrow()
  const station = await db
    .selectFrom('stock_location')
    .select('id')
    .where('kind', '=', 'station')
    .executeTakeFirstOrThrow()
  const warehouse = await db
    .selectFrom('stock_location')
    .select('id')
    .where('kind', '=', 'warehouse')
    .executeTakeFirstOrThrow()
  await receiveStock(db, { skuId: sku.id, locationId: warehouse.id, quantity: ORDERS })
  const before = await levelOf()
  const buyers = await Promise.all(
    Array.from({ length: BUYERS }, (_, i) =>
      signInShopper(address, `1370000${String(i).padStart(4, '0')}`),
    ),
  )

  const checkoutBody = JSON.stringify({
    items: [{ skuId: sku.id, quantity: 1 }],
    delivery: 'station_pickup',
    pickupLocationId: station.id,
  })
  const healthz = () =>
    load(ORDERS, CONCURRENCY, async () => {
      const response = await fetch(`${address}/healthz`)
      await response.arrayBuffer()
      return response.status === 200
    })
  // Warm up (JIT, connections) so the first measured phase is not the cold one.
  await healthz()
  const baselineBefore = await healthz()
  counted.start()
  const checkouts = await load(ORDERS, CONCURRENCY, async (i) => {
    const buyer = buyers[i % buyers.length] as Session
    const response = await fetch(`${address}/api/commerce/shop/checkout`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: buyer.cookie,
        'x-csrf-token': buyer.csrfToken,
      },
      body: checkoutBody,
    })
    await response.arrayBuffer()
    return response.status === 201
  })
  counted.stop()
  // Measured before and after and averaged: one /healthz phase alone moves by a third between
  // runs on a shared machine.
  const baselineAfter = await healthz()
  const baseline = {
    ...baselineAfter,
    perSecond: (baselineBefore.perSecond + baselineAfter.perSecond) / 2,
    p50: (baselineBefore.p50 + baselineAfter.p50) / 2,
  }

  const after = await levelOf()
  const orders = await db
    .selectFrom('shop_order')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  console.log(
    `checkout benchmark: ${values.db}${redis ? ' with Redis (sessions cached)' : ''}, ${ORDERS} requests each, concurrency ${CONCURRENCY}, ${BUYERS} buyers`,
  )
  console.log(resultRow('baseline GET /healthz before', baselineBefore))
  console.log(resultRow('baseline GET /healthz after', baselineAfter))
  console.log(resultRow('POST /shop/checkout', checkouts))
  console.log(
    `checkout throughput = ${(checkouts.perSecond / baseline.perSecond).toFixed(3)} × baseline (the mean of both, ${baseline.perSecond.toFixed(0)}/s); ` +
      `p50 ${(checkouts.p50 / baseline.p50).toFixed(1)} × baseline p50; p95 ${checkouts.p95.toFixed(1)} ms`,
  )
  // Everything a checkout request costs, the session lookup of its authentication included.
  const perCheckout = (n: number) => (n / ORDERS).toFixed(1)
  console.log(
    `statements per checkout: ${perCheckout(counted.statements())} ` +
      `(${perCheckout(counted.transactions())} transactions; on PostgreSQL each statement is a round trip)`,
  )
  if (values.statements)
    for (const [shape, n] of counted.byShape())
      console.log(`  ${perCheckout(n).padStart(5)}  ${shape}`)
  const reservedNow = after.reserved - before.reserved
  console.log(
    `books: ${orders.n} orders, ${reservedNow} units newly reserved, available ${before.available} → ${after.available}; ` +
      `available + reserved + sold = received: ${after.available + after.reserved + after.sold === after.received}`,
  )
  if (checkouts.ok !== orders.n || reservedNow !== checkouts.ok) process.exitCode = 1

  await app.close()
  await redis?.quit()
  await db.destroy()
  await database?.drop()
  rmSync(dataDir, { recursive: true, force: true })

  function levelOf() {
    return db
      .selectFrom('stock_level')
      .select(['available', 'reserved', 'sold', 'received'])
      .where('sku_id', '=', sku.id)
      .where('location_id', '=', warehouse.id)
      .executeTakeFirstOrThrow()
  }
}

await main()
