// `npm run bench:flash-sale [-- --db sqlite|postgres --stock 200 --requests 2000 --concurrency 32]`:
// flash sale admission requests through the real HTTP API (a listening server, fetch with
// keep-alive), with the stock counted in the database (a conditional update, the hold written in
// the request's transaction) and in Redis (one Lua script; holds written by the persister), each
// against GET /healthz on the same server at the same concurrency in the same run. Every request
// is a different buyer, who has the sale page open before it starts (one signed-in GET of the
// list, as a phone polls it); exactly `stock` of them must get a hold. The rate is of admission
// requests, admitted and refused alike (both are answers the crowd waits for); each kind's count
// and latency is reported apart, and, with Redis, the time from the last answer until the last
// hold is in the database.
// PostgreSQL: a fresh database on 127.0.0.1 (TEST_PG_ADMIN_URL to change), dropped afterwards.
// Redis: REDIS_URL or redis://127.0.0.1:6379; the run's keys are deleted afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Redis } from 'ioredis'
import { createDb } from '../../src/db/create-db.js'
import type { Db } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { DEMO_PASSWORD } from '../../src/demo/demo-accounts.js'
import { seedDemoData } from '../../src/demo/seed.js'
import { receiveStock } from '../../src/modules/commerce/index.js'
import { buildApp } from '../../src/server/build-app.js'
import {
  BENCH_LOGIN_CODE_LIMITS,
  percentile,
  freshPostgres,
  load,
  logInStaff,
  resultRow,
  signInShopper,
  type Session,
} from '../support/http-load.js'
import { runHeader } from '../support/run-header.js'

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
const REDIS_PREFIX = `bench:${Date.now()}:`

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cuntong-bench-'))
  const database = values.db === 'postgres' ? await freshPostgres(ADMIN_URL) : undefined
  const { db } = createDb(database?.url ?? `sqlite:${path.join(dataDir, 'bench.sqlite')}`)
  await migrateToLatest(db)
  await seedDemoData(db)
  const redis = new Redis(REDIS_URL)
  const limits = { loginCodeLimits: BENCH_LOGIN_CODE_LIMITS }
  const plain = await buildApp({ db, sessionSecret: SESSION_SECRET, ...limits })
  // Its background jobs include the hold persister, which the Redis mode needs to be complete.
  const withRedis = await buildApp({
    db,
    sessionSecret: SESSION_SECRET,
    redis,
    redisKeyPrefix: REDIS_PREFIX,
    backgroundJobs: true,
    ...limits,
  })
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
  await receiveStock(db, { skuId: sku.id, locationId: warehouse.id, quantity: 3 * STOCK })
  const operator = await logInStaff(plainAddress, 'operator', DEMO_PASSWORD)
  // Cookies are signed with the same secret, so a buyer signed in on one server is known to both.
  const buyers: Session[] = []
  for (let i = 0; i < REQUESTS; i += 10) {
    const batch = Array.from({ length: Math.min(10, REQUESTS - i) }, (_, j) =>
      signInShopper(plainAddress, `1360${String(i + j).padStart(7, '0')}`),
    )
    buyers.push(...(await Promise.all(batch)))
  }

  console.log(runHeader())
  console.log(
    `flash sale benchmark: ${values.db}, stock ${STOCK}, ${REQUESTS} buyers (one request each), concurrency ${CONCURRENCY}`,
  )
  // Warm both servers up (JIT, connections) so the first measured phase is not the slow one.
  for (const address of [plainAddress, redisAddress]) {
    await load(Math.min(REQUESTS, 1000), CONCURRENCY, async () => {
      await (await fetch(`${address}/healthz`)).arrayBuffer()
      return true
    })
  }
  for (const [mode, address] of [
    ['database', plainAddress],
    ['redis', redisAddress],
  ] as const) {
    // The admission route warmed up too, on a sale of its own, as a server that has run is.
    const warmUp = await openSession(address, operator, sku, Math.ceil(STOCK / 10))
    await load(Math.min(REQUESTS, 500), CONCURRENCY, (i) =>
      admit(address, warmUp, buyers[i] as Session, sku.id),
    )
    await waitForHolds(db, warmUp, Math.ceil(STOCK / 10))
    const sessionId = await openSession(address, operator, sku, STOCK)
    const healthz = () =>
      load(REQUESTS, CONCURRENCY, async () => {
        const response = await fetch(`${address}/healthz`)
        await response.arrayBuffer()
        return response.status === 200
      })
    const baselineBefore = await healthz()
    // The crowd opens the sale page just before it starts (a phone polls it every few seconds).
    await load(REQUESTS, CONCURRENCY, async (i) => {
      const buyer = buyers[i] as Session
      const page = await fetch(`${address}/api/promotions/shop/flash-sales`, {
        headers: { cookie: buyer.cookie },
      })
      await page.arrayBuffer()
      return page.ok
    })
    const answered: Record<'admitted' | 'refused', number[]> = { admitted: [], refused: [] }
    const admissions = await load(REQUESTS, CONCURRENCY, async (i) => {
      const buyer = buyers[i] as Session
      const t0 = performance.now()
      const admitted = await admit(address, sessionId, buyer, sku.id)
      answered[admitted ? 'admitted' : 'refused'].push(performance.now() - t0)
      return admitted
    })
    const lastAnswer = performance.now()
    const inDatabase = await waitForHolds(db, sessionId, admissions.ok)
    const persistedMs = performance.now() - lastAnswer
    // The baseline is measured before and after and the two averaged: one /healthz phase alone
    // moves by a third between runs on a shared machine.
    const baselineAfter = await healthz()
    const baseline = {
      ...baselineAfter,
      perSecond: (baselineBefore.perSecond + baselineAfter.perSecond) / 2,
    }
    const holds = await holdsOf(db, sessionId)
    console.log(`\n${mode}:`)
    console.log(resultRow('baseline GET /healthz before', baselineBefore, 'other'))
    console.log(resultRow('baseline GET /healthz after', baselineAfter, 'other'))
    console.log(resultRow('admission requests', admissions, 'refused'))
    for (const kind of ['admitted', 'refused'] as const) {
      const list = answered[kind]
      console.log(
        `  ${String(list.length).padStart(5)} ${kind.padEnd(8)}  p50 ${percentile(list, 0.5).toFixed(1)} ms  p99 ${percentile(list, 0.99).toFixed(1)} ms`,
      )
    }
    console.log(
      `  admission requests: ${(admissions.perSecond / baseline.perSecond).toFixed(3)} × baseline (the mean of both, ${baseline.perSecond.toFixed(0)}/s; target ≥ 0.5), ` +
        `p99 ${admissions.p99.toFixed(1)} ms (target < 50)`,
    )
    console.log(
      `  ${admissions.ok} admitted (expected ${STOCK}), ${holds.holds} holds in the database, ${holds.buyers} distinct buyers; ` +
        `last hold in the database ${inDatabase ? `${persistedMs.toFixed(0)} ms after the last answer` : 'NOT within 30 s'}`,
    )
    if (!inDatabase || admissions.ok !== STOCK || holds.holds !== STOCK || holds.buyers !== STOCK)
      process.exitCode = 1
  }

  await plain.close()
  await withRedis.close()
  const keys = await redis.keys(`${REDIS_PREFIX}*`)
  if (keys.length > 0) await redis.del(...keys)
  await redis.quit()
  await db.destroy()
  await database?.drop()
  rmSync(dataDir, { recursive: true, force: true })
}

/** One buyer's admission request: true when admitted (201), false when refused (409). */
async function admit(address: string, sessionId: string, buyer: Session, skuId: string) {
  const response = await fetch(
    `${address}/api/promotions/shop/flash-sales/${sessionId}/admissions`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: buyer.cookie,
        'x-csrf-token': buyer.csrfToken,
      },
      body: JSON.stringify({ skuId, quantity: 1 }),
    },
  )
  await response.arrayBuffer()
  if (response.status !== 201 && response.status !== 409)
    throw new Error(`admission answered ${response.status}`)
  return response.status === 201
}

/** Polls until the session has `count` holds in the database (30 s at most). */
async function waitForHolds(db: Db, sessionId: string, count: number): Promise<boolean> {
  const until = Date.now() + 30_000
  while (Date.now() < until) {
    if ((await holdsOf(db, sessionId)).holds >= count) return true
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return false
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
  operator: Session,
  sku: { id: string; price_fen: number },
  stock: number,
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
    skus: [{ skuId: sku.id, salePriceFen: sku.price_fen - 1, stock }],
  })
  await post(`/api/promotions/flash-sales/${session.id}/schedule`)
  return session.id
}

await main()
