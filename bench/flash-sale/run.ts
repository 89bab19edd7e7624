// `npm run bench:flash-sale [-- --db sqlite|postgres --stock 200 --requests 2000 --concurrency 32]`:
// flash sale admissions through the real HTTP API (a listening server, fetch with keep-alive),
// with the stock counted in the database (a conditional update) and in Redis (one Lua script),
// each against GET /healthz on the same server at the same concurrency in the same run. Every
// request is a different buyer; exactly `stock` of them must get a hold.
// PostgreSQL: a fresh database on 127.0.0.1 (TEST_PG_ADMIN_URL to change), dropped afterwards.
// Redis: REDIS_URL or redis://127.0.0.1:6379; the run's keys are deleted afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Redis } from 'ioredis'
import pg from 'pg'
import { createDb } from '../../src/db/create-db.js'
import type { Db } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { DEMO_PASSWORD } from '../../src/demo/demo-accounts.js'
import { seedDemoData } from '../../src/demo/seed.js'
import { receiveStock } from '../../src/modules/commerce/orders/stock.js'
import { buildApp } from '../../src/server/build-app.js'

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    stock: { type: 'string', default: '200' },
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '32' },
  },
})
const STOCK = Number(values.stock)
const REQUESTS = Number(values.requests)
const CONCURRENCY = Number(values.concurrency)
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const SESSION_SECRET = 'bench-secret-that-is-long-enough-0123456789'

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
  const redis = new Redis(REDIS_URL)
  const plain = await buildApp({ db, sessionSecret: SESSION_SECRET })
  const withRedis = await buildApp({ db, sessionSecret: SESSION_SECRET, redis })
  const plainAddress = await plain.listen({ port: 0, host: '127.0.0.1' })
  const redisAddress = await withRedis.listen({ port: 0, host: '127.0.0.1' })

  const sku = await db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .select(['sku.id', 'sku.price_fen'])
    .where('product.status', '=', 'on_sale')
    .where('sku.price_fen', '>', 1)
    .executeTakeFirstOrThrow()
  const warehouse = await db
    .selectFrom('stock_location')
    .select('id')
    .where('kind', '=', 'warehouse')
    .executeTakeFirstOrThrow()
  await receiveStock(db, { skuId: sku.id, locationId: warehouse.id, quantity: 2 * STOCK })
  const operator = await logIn(plainAddress, 'operator')
  // Cookies are signed with the same secret, so a buyer signed in on one server is known to both.
  const buyers: Buyer[] = []
  for (let i = 0; i < REQUESTS; i += 10) {
    const batch = Array.from({ length: Math.min(10, REQUESTS - i) }, (_, j) =>
      signIn(plainAddress, `1360${String(i + j).padStart(7, '0')}`),
    )
    buyers.push(...(await Promise.all(batch)))
  }

  console.log(
    `flash sale benchmark: ${values.db}, stock ${STOCK}, ${REQUESTS} buyers (one request each), concurrency ${CONCURRENCY}`,
  )
  // Warm both servers up (JIT, connections) so the first measured phase is not the slow one.
  for (const address of [plainAddress, redisAddress]) {
    await load(Math.min(REQUESTS, 1000), async () => {
      await (await fetch(`${address}/healthz`)).arrayBuffer()
      return true
    })
  }
  const sessionIds: string[] = []
  for (const [mode, address] of [
    ['database', plainAddress],
    ['redis', redisAddress],
  ] as const) {
    const sessionId = await openSession(address, operator, sku)
    sessionIds.push(sessionId)
    const baseline = await load(REQUESTS, async () => {
      const response = await fetch(`${address}/healthz`)
      await response.arrayBuffer()
      return response.status === 200
    })
    const admissions = await load(REQUESTS, async (i) => {
      const buyer = buyers[i] as Buyer
      const response = await fetch(
        `${address}/api/promotions/shop/flash-sales/${sessionId}/admissions`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: buyer.cookie,
            'x-csrf-token': buyer.csrfToken,
          },
          body: JSON.stringify({ skuId: sku.id, quantity: 1 }),
        },
      )
      await response.arrayBuffer()
      if (response.status !== 201 && response.status !== 409)
        throw new Error(`admission answered ${response.status}`)
      return response.status === 201
    })
    const holds = await holdsOf(db, sessionId)
    console.log(row('baseline GET /healthz', baseline))
    console.log(row(`admissions (${mode})`, admissions))
    console.log(
      `  the ${admissions.ok} admitted: p50 ${admissions.okP50.toFixed(1)} ms  p99 ${admissions.okP99.toFixed(1)} ms`,
    )
    console.log(
      `  ${mode}: ${(admissions.perSecond / baseline.perSecond).toFixed(3)} × baseline throughput; ` +
        `${admissions.ok} admitted (expected ${STOCK}), ${holds.holds} holds, ${holds.buyers} distinct buyers`,
    )
    if (admissions.ok !== STOCK || holds.holds !== STOCK || holds.buyers !== STOCK)
      process.exitCode = 1
  }

  await plain.close()
  await withRedis.close()
  for (const id of sessionIds) {
    const keys = await redis.keys(`flash:{${id}}:*`)
    if (keys.length > 0) await redis.del(...keys)
  }
  await redis.quit()
  await db.destroy()
  // pg's pool.end() answers before its sockets have closed; dropping the database (with force)
  // before they have would kill them and crash the process with an unhandled 'error'.
  await new Promise((resolve) => setTimeout(resolve, 500))
  await database?.drop()
  rmSync(dataDir, { recursive: true, force: true })
}

async function holdsOf(db: Db, sessionId: string) {
  const rows = await db
    .selectFrom('flash_hold')
    .select('user_id')
    .where('session_id', '=', sessionId)
    .execute()
  return { holds: rows.length, buyers: new Set(rows.map((r) => r.user_id)).size }
}

async function openSession(
  address: string,
  operator: Buyer,
  sku: { id: string; price_fen: number },
): Promise<string> {
  const post = async (url: string, body?: object) => {
    const response = await fetch(`${address}${url}`, {
      method: 'POST',
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        cookie: operator.cookie,
        'x-csrf-token': operator.csrfToken,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    const answer = (await response.json()) as { id: string }
    if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(answer)}`)
    return answer
  }
  const session = await post('/api/promotions/flash-sales', {
    title: '压测秒杀',
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    skus: [{ skuId: sku.id, salePriceFen: sku.price_fen - 1, stock: STOCK }],
  })
  await post(`/api/promotions/flash-sales/${session.id}/schedule`)
  return session.id
}

interface LoadResult {
  ok: number
  failed: number
  perSecond: number
  p50: number
  p99: number
  /** Latency of the requests that succeeded (for admissions: the ones that got a hold). */
  okP50: number
  okP99: number
}

/** Runs `total` requests with CONCURRENCY in flight; latencies in ms. */
async function load(total: number, request: (i: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = []
  const okLatencies: number[] = []
  let next = 0
  let ok = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const i = next++
        const t0 = performance.now()
        const succeeded = await request(i)
        latencies.push(performance.now() - t0)
        if (succeeded) {
          ok += 1
          okLatencies.push(performance.now() - t0)
        }
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const at = (list: number[], q: number) =>
    list.sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0
  return {
    ok,
    failed: total - ok,
    perSecond: total / seconds,
    p50: at(latencies, 0.5),
    p99: at(latencies, 0.99),
    okP50: at(okLatencies, 0.5),
    okP99: at(okLatencies, 0.99),
  }
}

const row = (name: string, r: LoadResult) =>
  `${name.padEnd(24)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  (${r.ok} ok, ${r.failed} other)`

async function logIn(address: string, username: string): Promise<Buyer> {
  const response = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken }
}

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
