import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from '../../../../test/test-db.js'
import { ManualTimer } from './delivery-timer.js'
import { DatabaseLocalGatewayStore } from './local-gateway-db-store.js'
import { LOCAL_DELIVERY_CONCURRENCY } from './local-notifier.js'
import { LocalPaymentProvider } from './local-provider.js'

// The local gateway over the app's database (SQLite, or PostgreSQL with TEST_DB=postgres): its
// callbacks survive a restart, go out several at a time, and two app nodes sharing the tables
// deliver each one once. Time moves only through ManualTimer; the receiver is real HTTP.

const NOW_MS = Date.parse('2026-12-07T06:00:00Z')
const SECRET = 'local-pay-secret-for-tests-only'

let receiver: Server
let notifyUrl: string
let received: string[]
let inFlight: number
let mostInFlight: number

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = ''
    inFlight += 1
    mostInFlight = Math.max(mostInFlight, inFlight)
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      // Answer slowly, as an app under load does, so deliveries overlap when they can.
      setTimeout(() => {
        received.push(body)
        inFlight -= 1
        response.writeHead(204)
        response.end()
      }, 40)
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`
})

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())))

let handle: Awaited<ReturnType<typeof createTestDb>>
let timer: ManualTimer

beforeEach(async () => {
  received = []
  inFlight = 0
  mostInFlight = 0
  handle = await createTestDb()
  timer = new ManualTimer(NOW_MS)
})

afterEach(() => handle.destroy())

/** One app node's view of the gateway: its own provider over the shared tables. */
const node = () =>
  new LocalPaymentProvider({
    notifySecret: SECRET,
    store: new DatabaseLocalGatewayStore(handle.db),
    payPageUrl: '/pay/{token}',
    timer,
  })

/** Creates and confirms `count` trades on `provider`; their callbacks wait in the outbox. */
async function confirmTrades(provider: LocalPaymentProvider, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const action = await provider.createPayment({
      outTradeNo: `CT2026120700${String(i).padStart(4, '0')}`,
      amountFen: 100 + i,
      description: '台蘑',
      notifyUrl,
      expiresAt: new Date(NOW_MS + 30 * 60_000).toISOString(),
      channel: { kind: 'native' },
    })
    if (action.kind !== 'qr-code') throw new Error(`expected a code, got ${action.kind}`)
    await provider.confirm(action.codeUrl.slice('/pay/'.length))
  }
}

describe('the local gateway on the database', () => {
  it('delivers callbacks several at a time, never more than its concurrency', async () => {
    const provider = node()
    await confirmTrades(provider, 20)
    await provider.notifier.deliverDue()
    expect(received).toHaveLength(20)
    expect(mostInFlight).toBeGreaterThan(1)
    expect(mostInFlight).toBeLessThanOrEqual(LOCAL_DELIVERY_CONCURRENCY)
  })

  it('delivers each callback once when two app nodes deliver at the same moment', async () => {
    const first = node()
    const second = node()
    await confirmTrades(first, 24)
    await Promise.all([first.notifier.deliverDue(), second.notifier.deliverDue()])
    expect(received).toHaveLength(24)
    expect(new Set(received).size).toBe(24)
  })

  it('delivers after a restart what the stopped process had confirmed but not delivered', async () => {
    const before = node()
    await confirmTrades(before, 2)
    before.notifier.stop()
    expect(received).toHaveLength(0)

    const after = node()
    await after.notifier.arm()
    await timer.advanceBy(0)
    expect(received).toHaveLength(2)
    // The new process reads the trades too: the provider's answer to an order query.
    expect(await after.queryPayment('CT2026120700' + '0001')).toMatchObject({
      status: 'succeeded',
      amountFen: 101,
    })
  })

  it('takes over a delivery whose node died mid-attempt once its claim runs out', async () => {
    const dead = node()
    await confirmTrades(dead, 1)
    dead.notifier.stop()
    // The dead node had claimed it (the way its notifier does) and never answered.
    const store = new DatabaseLocalGatewayStore(handle.db)
    expect(await store.claimDueDeliveries(timer.now(), 8, timer.now() + 15_000)).toHaveLength(1)

    const survivor = node()
    await survivor.notifier.deliverDue()
    expect(received).toHaveLength(0)
    await survivor.notifier.arm()
    await timer.advanceBy(15_000)
    expect(received).toHaveLength(1)
  })
})
