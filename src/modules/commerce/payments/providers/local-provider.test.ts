import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ManualTimer } from './delivery-timer.js'
import { PaymentProviderError } from './errors.js'
import { InMemoryLocalGatewayStore } from './local-gateway-store.js'
import { localSignatureHeaders } from './local-notifier.js'
import { LocalPaymentProvider } from './local-provider.js'

// The local provider against a real HTTP receiver on 127.0.0.1; time moves only through
// ManualTimer, so a 15-second backoff costs nothing.

const NOW_MS = Date.parse('2026-11-28T06:00:00Z')
const SECRET = 'local-pay-secret-for-tests-only'

interface Delivery {
  headers: IncomingHttpHeaders
  body: string
}

let receiver: Server
let notifyUrl: string
let deliveries: Delivery[]
let statuses: number[]

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      deliveries.push({ headers: request.headers, body })
      response.writeHead(statuses.shift() ?? 200)
      response.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/payments/local/notify`
})

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())))

let timer: ManualTimer
let provider: LocalPaymentProvider

beforeEach(() => {
  deliveries = []
  statuses = []
  timer = new ManualTimer(NOW_MS)
  provider = makeProvider()
})

function makeProvider(
  overrides: Partial<ConstructorParameters<typeof LocalPaymentProvider>[0]> = {},
) {
  return new LocalPaymentProvider({
    notifySecret: SECRET,
    store: new InMemoryLocalGatewayStore(),
    payPageUrl: 'https://shop.example/pay/local/{token}',
    timer,
    ...overrides,
  })
}

const order = {
  outTradeNo: 'CT20261128000003',
  amountFen: 1000,
  description: '台蘑礼盒',
  expiresAt: '2026-11-28T06:30:00.000Z',
  channel: { kind: 'h5', payerClientIp: '127.0.0.1' } as const,
}

async function createAndOpen(): Promise<string> {
  const action = await provider.createPayment({ ...order, notifyUrl })
  if (action.kind !== 'redirect') throw new Error(`expected a redirect, got ${action.kind}`)
  const prefix = 'https://shop.example/pay/local/'
  expect(action.url.startsWith(prefix)).toBe(true)
  return action.url.slice(prefix.length)
}

async function pay(): Promise<string> {
  const token = await createAndOpen()
  await provider.confirm(token)
  await timer.advanceBy(0)
  return token
}

describe('the local pay page', () => {
  it('shows the trade behind its token', async () => {
    const token = await createAndOpen()
    expect(await provider.findPayPage(token)).toEqual({
      outTradeNo: order.outTradeNo,
      amountFen: 1000,
      description: '台蘑礼盒',
      expiresAt: order.expiresAt,
      status: 'pending',
    })
    expect(await provider.findPayPage('no-such-token')).toBeUndefined()
  })

  it('hands out the same page for the same order created twice', async () => {
    const first = await provider.createPayment({ ...order, notifyUrl })
    expect(await provider.createPayment({ ...order, notifyUrl })).toEqual(first)
    await expect(
      provider.createPayment({ ...order, amountFen: 999, notifyUrl }),
    ).rejects.toMatchObject({ refusal: 'rejected' })
  })

  it('delivers a signed payment.succeeded callback after the payer confirms', async () => {
    const token = await createAndOpen()
    await provider.confirm(token)
    expect(deliveries).toHaveLength(0) // asynchronous, like the real providers
    await timer.advanceBy(0)
    expect(deliveries).toHaveLength(1)
    const [delivery] = deliveries
    const event = await provider.parseNotification(delivery?.headers ?? {}, delivery?.body ?? '')
    expect(event).toMatchObject({
      kind: 'payment.succeeded',
      outTradeNo: order.outTradeNo,
      amountFen: 1000,
      occurredAt: '2026-11-28T06:00:00.000Z',
    })
    expect(event?.providerTransactionId).toMatch(/^LOCAL/)
    expect(await provider.queryPayment(order.outTradeNo)).toMatchObject({
      status: 'succeeded',
      providerTransactionId: event?.providerTransactionId,
      providerState: 'SUCCESS',
    })
  })

  it('confirms only once however often the payer presses the button', async () => {
    const token = await pay()
    await provider.confirm(token)
    await timer.advanceBy(3600_000)
    expect(deliveries).toHaveLength(1)
  })

  it('closes the trade and says so when the payer declines', async () => {
    const token = await createAndOpen()
    await provider.decline(token)
    await timer.advanceBy(0)
    const event = await provider.parseNotification(
      deliveries[0]?.headers ?? {},
      deliveries[0]?.body ?? '',
    )
    expect(event).toMatchObject({
      kind: 'payment.closed',
      outTradeNo: order.outTradeNo,
      providerTransactionId: '',
    })
    await expect(provider.confirm(token)).rejects.toMatchObject({ refusal: 'already-closed' })
  })

  it('refuses payment after the trade expired', async () => {
    const token = await createAndOpen()
    await timer.advanceBy(30 * 60_000 + 1)
    await expect(provider.confirm(token)).rejects.toMatchObject({ refusal: 'expired' })
    expect(await provider.queryPayment(order.outTradeNo)).toMatchObject({ status: 'closed' })
  })
})

describe('local callback delivery', () => {
  it('retries after 500s on the backoff schedule and stops at the first 2xx', async () => {
    statuses = [500, 500, 500, 200]
    await pay()
    expect(deliveries).toHaveLength(1)
    // WeChat Pay's 15 s, 15 s, 30 s, compressed fifteen-fold: 1 s, 1 s, 2 s.
    await timer.advanceBy(999)
    expect(deliveries).toHaveLength(1)
    await timer.advanceBy(1)
    expect(deliveries).toHaveLength(2)
    await timer.advanceBy(1_000)
    expect(deliveries).toHaveLength(3)
    await timer.advanceBy(1_999)
    expect(deliveries).toHaveLength(3)
    await timer.advanceBy(1)
    expect(deliveries).toHaveLength(4)
    // Every attempt carries the same body; each is signed afresh and verifies.
    expect(new Set(deliveries.map((d) => d.body)).size).toBe(1)
    for (const delivery of deliveries) {
      await expect(
        provider.parseNotification(delivery.headers, delivery.body),
      ).resolves.toMatchObject({ kind: 'payment.succeeded' })
    }
    await timer.advanceBy(48 * 3600_000)
    expect(deliveries).toHaveLength(4)
  })

  it('gives up after the last delay of its schedule', async () => {
    provider = makeProvider({ retryDelaysS: [1, 2] })
    statuses = [503, 503, 503, 503, 503]
    await pay()
    await timer.advanceBy(24 * 3600_000)
    expect(deliveries).toHaveLength(3)
  })

  it('retries after a network error', async () => {
    let failures = 1
    provider = makeProvider({
      fetch: (input, init) =>
        failures-- > 0 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init),
    })
    await pay()
    expect(deliveries).toHaveLength(0)
    await timer.advanceBy(1_000)
    expect(deliveries).toHaveLength(1)
  })

  it('picks up deliveries left in the store when started again', async () => {
    const store = new InMemoryLocalGatewayStore()
    provider = makeProvider({ store })
    statuses = [500]
    await pay()
    provider.notifier.stop()
    const restarted = makeProvider({ store })
    await restarted.notifier.arm()
    await timer.advanceBy(1_000)
    expect(deliveries).toHaveLength(2)
  })
})

describe('local callback verification', () => {
  it('gives the same event for a replayed callback', async () => {
    await pay()
    const [delivery] = deliveries
    const first = await provider.parseNotification(delivery?.headers ?? {}, delivery?.body ?? '')
    expect(await provider.parseNotification(delivery?.headers ?? {}, delivery?.body ?? '')).toEqual(
      first,
    )
  })

  it('rejects a callback whose body was changed', async () => {
    await pay()
    const body = (deliveries[0]?.body ?? '').replace('"amountFen":1000', '"amountFen":1')
    await expect(
      provider.parseNotification(deliveries[0]?.headers ?? {}, body),
    ).rejects.toMatchObject({ problem: 'bad-signature' })
  })

  it('rejects a callback signed with another secret', async () => {
    await pay()
    const body = deliveries[0]?.body ?? ''
    const forged = localSignatureHeaders('another-secret-of-some-length', timer.now(), body)
    await expect(provider.parseNotification(forged, body)).rejects.toMatchObject({
      problem: 'bad-signature',
    })
  })

  it('rejects a callback signed more than five minutes ago', async () => {
    await pay()
    await timer.advanceBy(301_000)
    await expect(
      provider.parseNotification(deliveries[0]?.headers ?? {}, deliveries[0]?.body ?? ''),
    ).rejects.toMatchObject({ problem: 'stale-timestamp' })
  })

  it('refuses a correctly signed body that is not an event', async () => {
    const body = '{"event":{"kind":"payment.stolen"}}'
    await expect(
      provider.parseNotification(localSignatureHeaders(SECRET, timer.now(), body), body),
    ).rejects.toMatchObject({ name: 'PaymentNotificationError' })
  })
})

describe('closing and refunding a local payment', () => {
  it('closes an unpaid trade, twice without harm, and refuses to close a paid one', async () => {
    await createAndOpen()
    await provider.closePayment(order.outTradeNo)
    await provider.closePayment(order.outTradeNo)
    expect(await provider.queryPayment(order.outTradeNo)).toMatchObject({
      status: 'closed',
      providerState: 'CLOSED',
    })

    const other = { ...order, outTradeNo: 'CT20261128000004' }
    const action = await provider.createPayment({ ...other, notifyUrl })
    await provider.confirm(action.kind === 'redirect' ? (action.url.split('/').pop() ?? '') : '')
    const error = await provider.closePayment(other.outTradeNo).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PaymentProviderError)
    expect(error).toMatchObject({ refusal: 'already-paid', code: 'conflict' })
  })

  it('knows no trade it never created', async () => {
    await expect(provider.queryPayment('CT-UNKNOWN')).rejects.toMatchObject({
      refusal: 'not-found',
      code: 'not_found',
    })
  })

  it('refunds part, repeats a refund by number without paying twice, and refuses more than was paid', async () => {
    await pay()
    const refund = {
      outTradeNo: order.outTradeNo,
      refundFen: 400,
      totalFen: 1000,
      reason: '少发一盒',
      notifyUrl,
    }
    const first = await provider.refund({ ...refund, outRefundNo: 'RF-1' })
    expect(first).toMatchObject({ outRefundNo: 'RF-1', status: 'succeeded', refundFen: 400 })
    expect(await provider.refund({ ...refund, outRefundNo: 'RF-1' })).toEqual(first)
    await expect(
      provider.refund({ ...refund, outRefundNo: 'RF-2', refundFen: 601 }),
    ).rejects.toMatchObject({ refusal: 'amount-exceeded' })
    await expect(
      provider.refund({ ...refund, outRefundNo: 'RF-3', totalFen: 999 }),
    ).rejects.toMatchObject({ refusal: 'rejected' })
    expect(await provider.refund({ ...refund, outRefundNo: 'RF-2', refundFen: 600 })).toMatchObject(
      { status: 'succeeded' },
    )
    expect(await provider.queryRefund(order.outTradeNo, 'RF-2')).toMatchObject({
      refundFen: 600,
      status: 'succeeded',
    })

    await timer.advanceBy(0)
    const events = await Promise.all(
      deliveries.map((d) => provider.parseNotification(d.headers, d.body)),
    )
    expect(events.map((e) => [e?.kind, e?.outRefundNo, e?.amountFen])).toEqual([
      ['payment.succeeded', undefined, 1000],
      ['refund.succeeded', 'RF-1', 400],
      ['refund.succeeded', 'RF-2', 600],
    ])
  })

  it('refuses to refund a trade that was not paid', async () => {
    await createAndOpen()
    const refund = {
      outTradeNo: order.outTradeNo,
      outRefundNo: 'RF-1',
      refundFen: 1,
      totalFen: 1000,
      reason: '',
      notifyUrl,
    }
    await expect(provider.refund(refund)).rejects.toMatchObject({ refusal: 'rejected' })
  })

  it('answers 204 once a callback was handled and 500 otherwise', () => {
    expect(provider.notificationReply(true).status).toBe(204)
    expect(provider.notificationReply(false).status).toBe(500)
  })
})
