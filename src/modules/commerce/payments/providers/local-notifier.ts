import { createHmac, timingSafeEqual } from 'node:crypto'
import { newId } from '../../../../shared/ids.js'
import type { DeliveryTimer } from './delivery-timer.js'
import { PaymentNotificationError, PaymentSignatureError } from './errors.js'
import { integerField, objectField, parseJsonObject, stringField } from './json-read.js'
import type { LocalDelivery, LocalGatewayStore } from './local-gateway-store.js'
import type { NotificationHeaders, PaymentEvent, PaymentEventKind } from './provider.js'
import {
  checkTimestamp,
  newNonce,
  readSignatureHeaders,
  signedMessage,
  unixSeconds,
} from './signed-message.js'

// The local provider's callbacks: HMAC-SHA256 over WeChat's `timestamp\nnonce\nbody\n`, in
// Localpay-* headers shaped like WeChat's, retried on a backoff schedule until a 2xx.

export const LOCAL_SIGNATURE_PREFIX = 'Localpay'

/** Delays between attempts after a failure, in seconds: WeChat Pay's published schedule. */
export const WECHAT_PAY_RETRY_DELAYS_S = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
]

/**
 * The stand-in's schedule: WeChat Pay's, 15 times faster (1 s, 1 s, 2 s, 12 s … 24 min; about
 * 1.6 h in all), so a callback the app missed during a restart arrives within seconds.
 */
export const LOCAL_RETRY_DELAYS_S = WECHAT_PAY_RETRY_DELAYS_S.map((delayS) =>
  Math.ceil(delayS / 15),
)

/**
 * Callbacks in flight at once per process. Measured with the crash test's 30 buyers paying
 * continuously on SQLite: at 8 half the callbacks were still queued after 400 payments (median
 * confirm → paid 0.9 s); at 16 the queue stayed short (31 behind, median 0.23 s).
 */
export const LOCAL_DELIVERY_CONCURRENCY = 16

export const signLocal = (secret: string, timestamp: string, nonce: string, body: string): string =>
  createHmac('sha256', secret)
    .update(signedMessage(timestamp, nonce, body), 'utf8')
    .digest('base64')

/** The headers a local callback carries; also what a test uses to forge or replay one. */
export function localSignatureHeaders(
  secret: string,
  nowMs: number,
  body: string,
  nonce = newNonce(),
) {
  const timestamp = unixSeconds(nowMs)
  return {
    [`${LOCAL_SIGNATURE_PREFIX}-Timestamp`]: timestamp,
    [`${LOCAL_SIGNATURE_PREFIX}-Nonce`]: nonce,
    [`${LOCAL_SIGNATURE_PREFIX}-Signature`]: signLocal(secret, timestamp, nonce, body),
  }
}

/** Checks a local callback's signature and timestamp, as the WeChat adapter checks WeChat's. */
export function verifyLocalSignature(
  secret: string,
  headers: NotificationHeaders,
  body: string,
  nowMs: number,
  maxClockSkewS: number,
): void {
  const signed = readSignatureHeaders(headers, LOCAL_SIGNATURE_PREFIX)
  checkTimestamp(signed.timestamp, nowMs, maxClockSkewS)
  const expected = Buffer.from(signLocal(secret, signed.timestamp, signed.nonce, body), 'base64')
  const given = Buffer.from(signed.signature, 'base64')
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new PaymentSignatureError('bad-signature', 'the local payment signature does not verify')
  }
}

const EVENT_KINDS: readonly PaymentEventKind[] = [
  'payment.succeeded',
  'payment.closed',
  'refund.succeeded',
  'refund.failed',
]

/** A local callback's body: `{ id, event }`, the event in our own neutral shape. */
export const localEventBody = (event: PaymentEvent): string =>
  JSON.stringify({ id: `${event.kind}:${event.outRefundNo ?? event.outTradeNo}`, event })

/** Reads a (verified) local callback body back into its event. */
export function readLocalEventBody(body: string): PaymentEvent {
  const event = objectField(parseJsonObject(body) ?? {}, 'event')
  const kind = EVENT_KINDS.find((candidate) => candidate === stringField(event, 'kind'))
  const outTradeNo = stringField(event, 'outTradeNo')
  const providerTransactionId = stringField(event, 'providerTransactionId')
  const amountFen = integerField(event, 'amountFen')
  const occurredAt = stringField(event, 'occurredAt')
  if (
    !kind ||
    !outTradeNo ||
    providerTransactionId === undefined ||
    amountFen === undefined ||
    !occurredAt
  ) {
    throw new PaymentNotificationError('not a local payment notification')
  }
  const parsed: PaymentEvent = { kind, outTradeNo, providerTransactionId, amountFen, occurredAt }
  const outRefundNo = stringField(event, 'outRefundNo')
  const providerRefundId = stringField(event, 'providerRefundId')
  if (outRefundNo !== undefined) parsed.outRefundNo = outRefundNo
  if (providerRefundId !== undefined) parsed.providerRefundId = providerRefundId
  return parsed
}

export interface LocalNotifierOptions {
  secret: string
  store: LocalGatewayStore
  timer: DeliveryTimer
  fetch: typeof fetch
  retryDelaysS: readonly number[]
  /** Deliveries in flight at once, per process. */
  concurrency: number
  /** Told about a delivery round that failed (the store unreachable); the deliveries stay due. */
  onError?: (error: unknown) => void
}

/** How long one attempt may take before its claim runs out and another loop may take it. */
const ATTEMPT_TIMEOUT_MS = 10_000
const CLAIM_LEASE_MS = ATTEMPT_TIMEOUT_MS + 5_000

export class LocalNotifier {
  private cancelTimer: (() => void) | undefined
  private draining: Promise<void> | undefined

  constructor(private readonly options: LocalNotifierOptions) {}

  /** Queues a callback and delivers it at once (asynchronously, on the timer). */
  async enqueue(notifyUrl: string, body: string): Promise<void> {
    const nowMs = this.options.timer.now()
    await this.options.store.addDelivery({
      id: newId(nowMs),
      notifyUrl,
      body,
      attempts: 0,
      nextAttemptAtMs: nowMs,
      status: 'pending',
    })
    await this.arm()
  }

  /**
   * Attempts every due delivery, `concurrency` at a time, until none is due and none is in
   * flight; concurrent calls share one run. The timer calls it; so may a worker or a test.
   */
  deliverDue(): Promise<void> {
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined
    })
    return this.draining
  }

  /** Stops the timer; pending deliveries stay in the store for the next start. */
  stop(): void {
    this.cancelTimer?.()
    this.cancelTimer = undefined
  }

  /** Re-arms the timer for the earliest pending delivery (call at start-up). */
  async arm(): Promise<void> {
    this.stop()
    const atMs = await this.options.store.nextDeliveryAtMs()
    if (atMs !== undefined)
      this.cancelTimer = this.options.timer.schedule(atMs, () =>
        this.deliverDue().catch((error: unknown) => this.options.onError?.(error)),
      )
  }

  private async drain(): Promise<void> {
    const { store, timer, concurrency } = this.options
    const inFlight = new Set<Promise<void>>()
    for (;;) {
      const room = concurrency - inFlight.size
      const claimed =
        room > 0
          ? await store.claimDueDeliveries(timer.now(), room, timer.now() + CLAIM_LEASE_MS)
          : []
      for (const delivery of claimed) {
        const attempt = this.attempt(delivery)
          .then((result) => store.finishAttempt(result))
          // The claim runs out and the delivery is attempted again: nothing is lost.
          .catch((error: unknown) => this.options.onError?.(error))
          .finally(() => inFlight.delete(attempt))
        inFlight.add(attempt)
      }
      if (inFlight.size === 0) break
      if (claimed.length === 0 || inFlight.size >= concurrency) await Promise.race(inFlight)
    }
    await this.arm()
  }

  private async attempt(delivery: LocalDelivery): Promise<LocalDelivery> {
    const { secret, timer, retryDelaysS } = this.options
    const attempts = delivery.attempts + 1
    let failure: string
    try {
      const response = await this.options.fetch(delivery.notifyUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...localSignatureHeaders(secret, timer.now(), delivery.body),
        },
        body: delivery.body,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      })
      await response.arrayBuffer()
      if (response.ok) return { ...delivery, attempts, status: 'delivered', lastError: undefined }
      failure = `HTTP ${response.status}`
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error)
    }
    const delayS = retryDelaysS[attempts - 1]
    return delayS === undefined
      ? { ...delivery, attempts, status: 'gave-up', lastError: failure }
      : { ...delivery, attempts, nextAttemptAtMs: timer.now() + delayS * 1000, lastError: failure }
  }
}
