import { randomBytes } from 'node:crypto'
import { systemDeliveryTimer, type DeliveryTimer } from './delivery-timer.js'
import { PaymentProviderError, type PaymentRefusal } from './errors.js'
import type { LocalGatewayStore, LocalTrade } from './local-gateway-store.js'
import {
  LOCAL_DELIVERY_CONCURRENCY,
  LOCAL_RETRY_DELAYS_S,
  LocalNotifier,
  localEventBody,
  readLocalEventBody,
  verifyLocalSignature,
} from './local-notifier.js'
import type {
  CreatePaymentInput,
  NotificationHeaders,
  NotificationReply,
  PaymentAction,
  PaymentEvent,
  PaymentProvider,
  PaymentState,
  RefundInput,
  RefundState,
} from './provider.js'

// LocalPaymentProvider: the OFFLINE STAND-IN for WeChat Pay and Alipay, for the demo and tests.
// No money moves. It keeps the real providers' contract: a pay page the payer confirms or
// declines, signed asynchronous callbacks retried until answered 2xx, refusals to close a paid
// trade or to refund more than was paid.

export interface LocalPaymentConfig {
  /** Signs callbacks (HMAC-SHA256); at least 16 characters. */
  notifySecret: string
  store: LocalGatewayStore
  /** The pay page's URL, `{token}` replaced: e.g. `https://shop.example/pay/local/{token}`. */
  payPageUrl?: string
  timer?: DeliveryTimer
  fetch?: typeof fetch
  /** Default LOCAL_RETRY_DELAYS_S: WeChat Pay's schedule, compressed. */
  retryDelaysS?: readonly number[]
  /** Callbacks in flight at once; default LOCAL_DELIVERY_CONCURRENCY. */
  deliveryConcurrency?: number
  /** Told when a delivery round fails (e.g. the store is unreachable); it is retried. */
  onDeliveryError?: (error: unknown) => void
  maxClockSkewS?: number
}

/** What the pay page shows. */
export interface LocalPayPage {
  outTradeNo: string
  amountFen: number
  description: string
  expiresAt: string
  status: LocalTrade['status']
}

export class LocalPaymentProvider implements PaymentProvider {
  readonly name = 'local'
  readonly notifier: LocalNotifier
  private readonly store: LocalGatewayStore
  private readonly timer: DeliveryTimer
  private readonly payPageUrl: string

  constructor(private readonly config: LocalPaymentConfig) {
    if (config.notifySecret.length < 16)
      throw new RangeError('the local notify secret is too short')
    this.store = config.store
    this.timer = config.timer ?? systemDeliveryTimer
    this.payPageUrl = config.payPageUrl ?? '/pay/local/{token}'
    this.notifier = new LocalNotifier({
      secret: config.notifySecret,
      store: config.store,
      timer: this.timer,
      fetch: config.fetch ?? globalThis.fetch,
      retryDelaysS: config.retryDelaysS ?? LOCAL_RETRY_DELAYS_S,
      concurrency: config.deliveryConcurrency ?? LOCAL_DELIVERY_CONCURRENCY,
      ...(config.onDeliveryError ? { onError: config.onDeliveryError } : {}),
    })
  }

  async createPayment(input: CreatePaymentInput): Promise<PaymentAction> {
    const existing = await this.expireIfDue(await this.store.findTrade(input.outTradeNo))
    let trade = existing
    if (existing) {
      // Like WeChat Pay: the same order number with the same terms gets the same payment back.
      if (existing.status === 'succeeded')
        this.refuse('already-paid', 'ORDERPAID', input.outTradeNo)
      if (existing.status === 'closed')
        this.refuse('already-closed', 'ORDER_CLOSED', input.outTradeNo)
      if (existing.amountFen !== input.amountFen) {
        this.refuse(
          'rejected',
          'OUT_TRADE_NO_USED',
          `${input.outTradeNo} was created with other terms`,
        )
      }
    } else {
      if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) {
        this.refuse('rejected', 'PARAM_ERROR', `amount ${input.amountFen}`)
      }
      trade = {
        outTradeNo: input.outTradeNo,
        token: randomBytes(18).toString('base64url'),
        amountFen: input.amountFen,
        description: input.description,
        notifyUrl: input.notifyUrl,
        expiresAt: input.expiresAt,
        status: 'pending',
      }
      await this.store.saveTrade(trade)
    }
    const url = this.payPageUrl.replace('{token}', trade?.token ?? '')
    return input.channel.kind === 'native'
      ? { kind: 'qr-code', codeUrl: url }
      : { kind: 'redirect', url }
  }

  /** The pay page's view of a trade, or undefined for an unknown token. */
  async findPayPage(token: string): Promise<LocalPayPage | undefined> {
    const trade = await this.expireIfDue(await this.store.findTradeByToken(token))
    if (!trade) return undefined
    const { outTradeNo, amountFen, description, expiresAt, status } = trade
    return { outTradeNo, amountFen, description, expiresAt, status }
  }

  /** The payer pays on the pay page. Repeating it changes nothing. */
  async confirm(token: string): Promise<LocalPayPage> {
    const trade = await this.tradeForPayer(token)
    if (trade.status === 'pending') {
      const nowIso = new Date(this.timer.now()).toISOString()
      const paid: LocalTrade = {
        ...trade,
        status: 'succeeded',
        transactionId: `LOCAL${this.timer.now()}${randomBytes(6).toString('hex').toUpperCase()}`,
        paidAt: nowIso,
      }
      await this.store.saveTrade(paid)
      await this.notify(paid.notifyUrl, {
        kind: 'payment.succeeded',
        outTradeNo: paid.outTradeNo,
        providerTransactionId: paid.transactionId ?? '',
        amountFen: paid.amountFen,
        occurredAt: nowIso,
      })
    } else if (trade.status === 'closed') {
      this.refuse('already-closed', 'ORDER_CLOSED', trade.outTradeNo)
    }
    return (await this.findPayPage(token)) ?? this.refuse('not-found', 'ORDER_NOT_EXIST', token)
  }

  /** The payer cancels on the pay page: the trade closes and a payment.closed callback goes out. */
  async decline(token: string): Promise<LocalPayPage> {
    const trade = await this.tradeForPayer(token)
    if (trade.status === 'succeeded') this.refuse('already-paid', 'ORDERPAID', trade.outTradeNo)
    if (trade.status === 'pending') {
      const closed = await this.closeTrade(trade)
      await this.notify(closed.notifyUrl, {
        kind: 'payment.closed',
        outTradeNo: closed.outTradeNo,
        providerTransactionId: '',
        amountFen: closed.amountFen,
        occurredAt: closed.closedAt ?? '',
      })
    }
    return (await this.findPayPage(token)) ?? this.refuse('not-found', 'ORDER_NOT_EXIST', token)
  }

  async queryPayment(outTradeNo: string): Promise<PaymentState> {
    const trade = await this.tradeByNumber(outTradeNo)
    return {
      outTradeNo,
      status: trade.status,
      amountFen: trade.amountFen,
      providerTransactionId: trade.transactionId,
      paidAt: trade.paidAt,
      providerState: { pending: 'NOTPAY', succeeded: 'SUCCESS', closed: 'CLOSED' }[trade.status],
    }
  }

  /** Closes an unpaid trade (no callback, as with WeChat Pay); closing twice is harmless. */
  async closePayment(outTradeNo: string): Promise<void> {
    const trade = await this.tradeByNumber(outTradeNo)
    if (trade.status === 'succeeded') this.refuse('already-paid', 'ORDERPAID', outTradeNo)
    if (trade.status === 'pending') await this.closeTrade(trade)
  }

  /** Refunds at once and posts a refund.succeeded callback; the same outRefundNo is one refund. */
  async refund(input: RefundInput): Promise<RefundState> {
    const earlier = await this.store.findRefund(input.outRefundNo)
    if (earlier) {
      if (earlier.outTradeNo !== input.outTradeNo || earlier.refundFen !== input.refundFen) {
        this.refuse(
          'rejected',
          'OUT_REFUND_NO_USED',
          `${input.outRefundNo} was used with other terms`,
        )
      }
      return this.queryRefund(input.outTradeNo, input.outRefundNo)
    }
    const trade = await this.tradeByNumber(input.outTradeNo)
    if (trade.status !== 'succeeded') this.refuse('rejected', 'TRADE_NOT_PAID', input.outTradeNo)
    if (input.totalFen !== trade.amountFen) {
      this.refuse(
        'rejected',
        'PARAM_ERROR',
        `total ${input.totalFen} is not the paid ${trade.amountFen}`,
      )
    }
    if (!Number.isSafeInteger(input.refundFen) || input.refundFen <= 0) {
      this.refuse('rejected', 'PARAM_ERROR', `refund ${input.refundFen}`)
    }
    const refundedFen = (await this.store.listRefunds(trade.outTradeNo)).reduce(
      (sum, r) => sum + r.refundFen,
      0,
    )
    if (refundedFen + input.refundFen > trade.amountFen) {
      this.refuse(
        'amount-exceeded',
        'REFUND_AMOUNT_EXCEEDED',
        `${refundedFen} of ${trade.amountFen} already refunded, ${input.refundFen} more asked`,
      )
    }
    const succeededAt = new Date(this.timer.now()).toISOString()
    const refund = {
      outRefundNo: input.outRefundNo,
      outTradeNo: trade.outTradeNo,
      refundId: `LOCALREFUND${this.timer.now()}${randomBytes(6).toString('hex').toUpperCase()}`,
      refundFen: input.refundFen,
      reason: input.reason,
      status: 'succeeded' as const,
      succeededAt,
    }
    await this.store.saveRefund(refund)
    await this.notify(input.notifyUrl, {
      kind: 'refund.succeeded',
      outTradeNo: refund.outTradeNo,
      outRefundNo: refund.outRefundNo,
      providerTransactionId: trade.transactionId ?? '',
      providerRefundId: refund.refundId,
      amountFen: refund.refundFen,
      occurredAt: succeededAt,
    })
    return this.queryRefund(input.outTradeNo, input.outRefundNo)
  }

  async queryRefund(outTradeNo: string, outRefundNo: string): Promise<RefundState> {
    const refund = await this.store.findRefund(outRefundNo)
    if (refund?.outTradeNo !== outTradeNo)
      this.refuse('not-found', 'RESOURCE_NOT_EXISTS', outRefundNo)
    return {
      outTradeNo,
      outRefundNo,
      status: refund.status,
      refundFen: refund.refundFen,
      providerRefundId: refund.refundId,
      succeededAt: refund.succeededAt,
      providerState: 'SUCCESS',
    }
  }

  async parseNotification(
    headers: NotificationHeaders,
    rawBody: string,
  ): Promise<PaymentEvent | null> {
    const { notifySecret, maxClockSkewS = 300 } = this.config
    verifyLocalSignature(notifySecret, headers, rawBody, this.timer.now(), maxClockSkewS)
    return readLocalEventBody(rawBody)
  }

  notificationReply(handled: boolean): NotificationReply {
    return handled
      ? { status: 204, body: '' }
      : {
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ code: 'FAIL', message: '失败' }),
        }
  }

  private async notify(notifyUrl: string, event: PaymentEvent): Promise<void> {
    await this.notifier.enqueue(notifyUrl, localEventBody(event))
  }

  private async closeTrade(trade: LocalTrade): Promise<LocalTrade> {
    const closed: LocalTrade = {
      ...trade,
      status: 'closed',
      closedAt: new Date(this.timer.now()).toISOString(),
    }
    await this.store.saveTrade(closed)
    return closed
  }

  /** A pending trade past its expiry closes, as Alipay closes trades at time_expire. */
  private async expireIfDue(trade: LocalTrade | undefined): Promise<LocalTrade | undefined> {
    if (trade?.status !== 'pending' || Date.parse(trade.expiresAt) > this.timer.now()) return trade
    return this.closeTrade(trade)
  }

  private async tradeByNumber(outTradeNo: string): Promise<LocalTrade> {
    const trade = await this.expireIfDue(await this.store.findTrade(outTradeNo))
    return trade ?? this.refuse('not-found', 'ORDER_NOT_EXIST', outTradeNo)
  }

  private async tradeForPayer(token: string): Promise<LocalTrade> {
    const trade = await this.store.findTradeByToken(token)
    if (!trade) this.refuse('not-found', 'ORDER_NOT_EXIST', 'unknown pay page')
    const current = await this.expireIfDue(trade)
    if (trade.status === 'pending' && current?.status === 'closed') {
      this.refuse('expired', 'ORDER_EXPIRED', trade.outTradeNo)
    }
    return current ?? trade
  }

  private refuse(refusal: PaymentRefusal, code: string, message: string): never {
    throw new PaymentProviderError('local', refusal, code, message)
  }
}
