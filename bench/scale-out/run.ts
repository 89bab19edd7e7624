// `npm run bench:scale-out [-- --orders 2000 --concurrency 32 --buyers 80 --skus 40]` (issue 14):
// checkouts per second through one app node and through two, each a real server process on one
// fresh PostgreSQL database (TEST_PG_ADMIN_URL to change; dropped afterwards), with a round-robin
// client for two; the baseline is GET /healthz on one node at the same concurrency, in the same
// run. Twice: every order for one hot SKU (its stock row is locked by each checkout in turn, so
// the database serialises them whatever the nodes), and orders spread over `--skus` SKUs. Every node runs its background rounds, as in production. On a machine with fewer cores
// than nodes plus PostgreSQL, two nodes compete for the same CPUs: the ratio says so honestly.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createDb } from '../../src/db/create-db.js'
import { receiveStock } from '../../src/modules/commerce/index.js'
import { findFreePort } from '../../src/test/free-port.js'
import {
  serverEnv,
  startServer,
  stopServer,
  type RunningServer,
} from '../../src/test/server-process.js'
import {
  BENCH_LOGIN_CODE_LIMITS,
  freshPostgres,
  load,
  resultRow,
  signInShopper,
  type Session,
} from '../support/http-load.js'

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '32' },
    buyers: { type: 'string', default: '80' },
    skus: { type: 'string', default: '40' },
  },
})
const ORDERS = Number(values.orders)
const CONCURRENCY = Number(values.concurrency)
const BUYERS = Number(values.buyers)
const SKUS = Number(values.skus)
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cuntong-bench-'))
  const database = await freshPostgres(ADMIN_URL)
  const servers: RunningServer[] = []
  const addresses: string[] = []
  try {
    // One after the other: the first migrates and loads the demo data.
    for (const name of ['a', 'b']) {
      const port = await findFreePort()
      const address = `http://127.0.0.1:${port}`
      const env = serverEnv(port, path.join(dataDir, name), database.url, {
        SESSION_SECRET: 'bench-secret-that-is-long-enough-0123456789',
        SMS_LOGIN_CODES_HOURLY: String(BENCH_LOGIN_CODE_LIMITS.hourly),
        SMS_LOGIN_CODES_PER_ADDRESS_HOURLY: String(BENCH_LOGIN_CODE_LIMITS.perAddressHourly),
        // Buyers sign in from addresses of their own, named by a "proxy" on this machine: the
        // free codes per address come before any proof-of-work challenge.
        TRUST_PROXY: '127.0.0.1',
      })
      servers.push(await startServer(env, address))
      addresses.push(address)
    }
    await measure(database.url, addresses)
  } finally {
    await Promise.all(servers.map((server) => stopServer(server.child)))
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function measure(databaseUrl: string, addresses: string[]): Promise<void> {
  const { db } = createDb(databaseUrl, { poolSize: 2 })
  const skus = await db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .select('sku.id')
    .where('product.status', '=', 'on_sale')
    .orderBy('sku.id')
    .limit(SKUS)
    .execute()
  const sku = skus[0]
  if (!sku) throw new Error('no SKU on sale')
  const location = (kind: 'warehouse' | 'station') =>
    db.selectFrom('stock_location').select('id').where('kind', '=', kind).orderBy('id')
  const warehouse = await location('warehouse').executeTakeFirstOrThrow()
  const station = await location('station').executeTakeFirstOrThrow()
  // Enough for the warm-up and every measured phase.
  for (const { id } of skus)
    await receiveStock(db, { skuId: id, locationId: warehouse.id, quantity: 3 * ORDERS })
  const buyers: Session[] = []
  for (let i = 0; i < BUYERS; i += 10) {
    const batch = Array.from({ length: Math.min(10, BUYERS - i) }, (_, j) =>
      signInShopper(addresses[(i + j) % 2] ?? '', `1374${String(i + j).padStart(7, '0')}`, {
        'x-forwarded-for': `10.16.${String(Math.floor((i + j) / 250))}.${String(((i + j) % 250) + 1)}`,
      }),
    )
    buyers.push(...(await Promise.all(batch)))
  }
  const bodies = skus.map(({ id }) =>
    JSON.stringify({
      items: [{ skuId: id, quantity: 1 }],
      delivery: 'station_pickup',
      pickupLocationId: station.id,
    }),
  )
  const checkoutsOn = (nodes: string[], total: number, spread = 1) =>
    load(total, CONCURRENCY, async (i) => {
      const buyer = buyers[i % buyers.length] as Session
      const response = await fetch(`${nodes[i % nodes.length] ?? ''}/api/commerce/shop/checkout`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: buyer.cookie,
          'x-csrf-token': buyer.csrfToken,
        },
        body: bodies[i % spread] ?? '',
      })
      await response.arrayBuffer()
      return response.status === 201
    })
  const one = addresses.slice(0, 1)

  // Warm both nodes up (JIT, pools), so neither measured phase pays for it.
  await checkoutsOn(addresses, Math.min(ORDERS, 400), skus.length)
  const baseline = await load(ORDERS, CONCURRENCY, async () => {
    const response = await fetch(`${one[0] ?? ''}/healthz`)
    await response.arrayBuffer()
    return response.status === 200
  })
  const oneNode = await checkoutsOn(one, ORDERS)
  const twoNodes = await checkoutsOn(addresses, ORDERS)
  const oneNodeSpread = await checkoutsOn(one, ORDERS, skus.length)
  const twoNodesSpread = await checkoutsOn(addresses, ORDERS, skus.length)
  const level = await db
    .selectFrom('stock_level')
    .select(['available', 'reserved', 'sold', 'received'])
    .where('sku_id', '=', sku.id)
    .where('location_id', '=', warehouse.id)
    .executeTakeFirstOrThrow()
  await db.destroy()

  console.log(
    `scale-out benchmark: postgres, ${ORDERS} requests each, concurrency ${CONCURRENCY}, ${BUYERS} buyers, ${skus.length} SKUs`,
  )
  console.log(resultRow('baseline GET /healthz (1)', baseline))
  const ratio = (r: { perSecond: number }) => (r.perSecond / baseline.perSecond).toFixed(3)
  for (const [label, single, double] of [
    ['one hot SKU', oneNode, twoNodes],
    [`${String(skus.length)} SKUs`, oneNodeSpread, twoNodesSpread],
  ] as const) {
    console.log(resultRow(`checkout, one node, ${label}`, single))
    console.log(resultRow(`checkout, two nodes, ${label}`, double))
    console.log(
      `  ${label}: one node = ${ratio(single)} × baseline; two nodes = ${ratio(double)} × baseline; ` +
        `two / one = ${(double.perSecond / single.perSecond).toFixed(2)}`,
    )
  }
  console.log(
    `books: available + reserved + sold = received: ${level.available + level.reserved + level.sold === level.received}`,
  )
  const failed = [oneNode, twoNodes, oneNodeSpread, twoNodesSpread].map((r) => r.failed)
  if (failed.some((n) => n > 0)) process.exitCode = 1
}

await main()
