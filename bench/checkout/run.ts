// `npm run bench:checkout [-- --db sqlite|postgres --orders 2000 --concurrency 16 --buyers 40]`:
// checkouts per second through the real HTTP API (a listening server, fetch with keep-alive),
// against a baseline measured in the same run on the same server: GET /healthz, the most
// trivial route, at the same concurrency — so machine noise cancels out of the ratio.
// PostgreSQL: a fresh database on 127.0.0.1 (TEST_PG_ADMIN_URL to change), dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { createDb } from '../../src/db/create-db.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { seedDemoData } from '../../src/demo/seed.js'
import { receiveStock } from '../../src/modules/commerce/orders/stock.js'
import { buildApp } from '../../src/server/build-app.js'

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    orders: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    buyers: { type: 'string', default: '40' },
  },
})
const ORDERS = Number(values.orders)
const CONCURRENCY = Number(values.concurrency)
const BUYERS = Number(values.buyers)
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

interface Buyer {
  cookie: string
  csrfToken: string
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cuntong-bench-'))
  const database = values.db === 'postgres' ? await freshPostgres() : undefined
  const { db } = createDb(database?.url ?? `sqlite:${path.join(dataDir, 'bench.sqlite')}`)
  await migrateToLatest(db)
  await seedDemoData(db)
  const app = await buildApp({ db, sessionSecret: 'bench-secret-that-is-long-enough-0123456789' })
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
      signIn(address, `1370000${String(i).padStart(4, '0')}`),
    ),
  )

  const checkoutBody = JSON.stringify({
    items: [{ skuId: sku.id, quantity: 1 }],
    delivery: 'station_pickup',
    pickupLocationId: station.id,
  })
  const baseline = await load(ORDERS, async () => {
    const response = await fetch(`${address}/healthz`)
    await response.arrayBuffer()
    return response.status === 200
  })
  const checkouts = await load(ORDERS, async (i) => {
    const buyer = buyers[i % buyers.length] as Buyer
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

  const after = await levelOf()
  const orders = await db
    .selectFrom('shop_order')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  console.log(
    `checkout benchmark: ${values.db}, ${ORDERS} requests each, concurrency ${CONCURRENCY}, ${BUYERS} buyers`,
  )
  console.log(row('baseline GET /healthz', baseline))
  console.log(row('POST /shop/checkout', checkouts))
  console.log(
    `checkout throughput = ${(checkouts.perSecond / baseline.perSecond).toFixed(3)} × baseline; ` +
      `p50 ${(checkouts.p50 / baseline.p50).toFixed(1)} × baseline p50`,
  )
  const reservedNow = after.reserved - before.reserved
  console.log(
    `books: ${orders.n} orders, ${reservedNow} units newly reserved, available ${before.available} → ${after.available}; ` +
      `available + reserved + sold = received: ${after.available + after.reserved + after.sold === after.received}`,
  )
  if (checkouts.ok !== orders.n || reservedNow !== checkouts.ok) process.exitCode = 1

  await app.close()
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

interface LoadResult {
  ok: number
  failed: number
  perSecond: number
  p50: number
  p99: number
}

/** Runs `total` requests with CONCURRENCY in flight; latencies in ms. */
async function load(total: number, request: (i: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = []
  let next = 0
  let ok = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const i = next++
        const t0 = performance.now()
        if (await request(i)) ok += 1
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
  return { ok, failed: total - ok, perSecond: total / seconds, p50: at(0.5), p99: at(0.99) }
}

const row = (name: string, r: LoadResult) =>
  `${name.padEnd(24)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  (${r.ok} ok, ${r.failed} failed)`

async function signIn(address: string, phone: string): Promise<Buyer> {
  const post = (url: string, body: object) =>
    fetch(`${address}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const sent = (await (await post('/api/commerce/shop/auth/code', { phone })).json()) as {
    localCode: string
  }
  const login = await post('/api/commerce/shop/auth/login', { phone, code: sent.localCode })
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return { cookie, csrfToken }
}

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cuntong_bench_${Date.now()}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    },
  }
}

await main()
