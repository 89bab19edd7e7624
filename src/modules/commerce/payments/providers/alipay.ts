import { fenToYuan, yuanToFen } from '../../../../shared/money.js'
import {
  PaymentNotificationError,
  PaymentProviderError,
  PaymentSignatureError,
  PaymentTransportError,
} from './errors.js'
import { stringField, type JsonObject } from './json-read.js'
import type {
  CreatePaymentInput,
  NotificationHeaders,
  NotificationReply,
  PaymentAction,
  PaymentEvent,
  PaymentProvider,
  PaymentState,
  PaymentStatus,
  RefundInput,
  RefundState,
} from './provider.js'
import { AlipayClient, type AlipayConfig } from './alipay-client.js'
import { alipaySignContent, verifyAlipay } from './alipay-sign.js'
import { formatShanghaiDateTime, parseShanghaiDateTime } from './time-format.js'

export { ALIPAY_GATEWAY_URL, type AlipayConfig } from './alipay-client.js'

// Alipay OpenAPI: the operations and the asynchronous notifications. Amounts on the wire are
// yuan text with two decimals, converted exactly by money.ts.

const TRADE_STATUS: Record<string, PaymentStatus> = {
  WAIT_BUYER_PAY: 'pending',
  TRADE_SUCCESS: 'succeeded',
  TRADE_FINISHED: 'succeeded',
  TRADE_CLOSED: 'closed', // unpaid and closed, or paid and then refunded in full
}

export class AlipayProvider implements PaymentProvider {
  readonly name = 'alipay'
  private readonly client: AlipayClient

  constructor(private readonly config: AlipayConfig) {
    this.client = new AlipayClient(config)
  }

  async createPayment(input: CreatePaymentInput): Promise<PaymentAction> {
    const biz: JsonObject = {
      out_trade_no: input.outTradeNo,
      total_amount: fenToYuan(input.amountFen),
      subject: input.description,
      time_expire: formatShanghaiDateTime(Date.parse(input.expiresAt)),
    }
    const { channel } = input
    if (channel.kind === 'h5') {
      // alipay.trade.wap.pay is not called by us: the payer's browser opens the signed URL.
      biz.product_code = 'QUICK_WAP_WAY'
      if (this.config.quitUrl) biz.quit_url = this.config.quitUrl
      const params = this.client.signedParams('alipay.trade.wap.pay', biz, {
        notify_url: input.notifyUrl,
        return_url: channel.returnUrl,
      })
      return {
        kind: 'redirect',
        url: `${this.client.gatewayUrl}?${new URLSearchParams(params).toString()}`,
      }
    }
    if (channel.kind === 'native') {
      const answer = await this.client.call('alipay.trade.precreate', biz, input.notifyUrl)
      return { kind: 'qr-code', codeUrl: this.required(stringField(answer, 'qr_code'), 'qr_code') }
    }
    throw new Error('Alipay has no JSAPI channel: use h5 or native')
  }

  async queryPayment(outTradeNo: string): Promise<PaymentState> {
    const answer = await this.client.call('alipay.trade.query', { out_trade_no: outTradeNo })
    const tradeStatus = this.required(stringField(answer, 'trade_status'), 'trade_status')
    const status = TRADE_STATUS[tradeStatus] ?? 'pending'
    const totalAmount = stringField(answer, 'total_amount')
    const tradeNo = stringField(answer, 'trade_no')
    if (status === 'succeeded') this.required(totalAmount && tradeNo, 'total_amount and trade_no')
    const sendPayDate = stringField(answer, 'send_pay_date')
    return {
      outTradeNo,
      status,
      amountFen: totalAmount === undefined ? undefined : this.amount(totalAmount),
      providerTransactionId: tradeNo || undefined,
      paidAt: sendPayDate ? parseShanghaiDateTime(sendPayDate) : undefined,
      providerState: tradeStatus,
    }
  }

  async closePayment(outTradeNo: string): Promise<void> {
    try {
      await this.client.call('alipay.trade.close', { out_trade_no: outTradeNo })
    } catch (error) {
      // "Trade status is not valid": paid or already closed — the query tells which.
      if (
        !(error instanceof PaymentProviderError) ||
        error.providerCode !== 'ACQ.TRADE_STATUS_ERROR'
      ) {
        throw error
      }
      const state = await this.queryPayment(outTradeNo)
      if (state.status === 'closed') return
      throw new PaymentProviderError(
        'alipay',
        state.status === 'succeeded' ? 'already-paid' : 'rejected',
        error.providerCode,
        error.providerMessage,
      )
    }
  }

  async refund(input: RefundInput): Promise<RefundState> {
    const answer = await this.client.call('alipay.trade.refund', {
      out_trade_no: input.outTradeNo,
      refund_amount: fenToYuan(input.refundFen),
      refund_reason: input.reason,
      out_request_no: input.outRefundNo,
    })
    // fund_change "Y": money moved now. "N" may be a repeat of an earlier refund: query it.
    const fundChange = stringField(answer, 'fund_change') ?? ''
    const refundedAt = stringField(answer, 'gmt_refund_pay')
    return {
      outTradeNo: input.outTradeNo,
      outRefundNo: input.outRefundNo,
      status: fundChange === 'Y' ? 'succeeded' : 'processing',
      refundFen: input.refundFen,
      providerRefundId: stringField(answer, 'trade_no'),
      succeededAt: refundedAt ? parseShanghaiDateTime(refundedAt) : undefined,
      providerState: `fund_change=${fundChange}`,
    }
  }

  async queryRefund(outTradeNo: string, outRefundNo: string): Promise<RefundState> {
    const answer = await this.client.call('alipay.trade.fastpay.refund.query', {
      out_trade_no: outTradeNo,
      out_request_no: outRefundNo,
      query_options: ['gmt_refund_pay'],
    })
    const refundAmount = stringField(answer, 'refund_amount')
    // No refund data means Alipay has no such refund (it may be retried with the same number).
    if (!refundAmount) {
      throw new PaymentProviderError(
        'alipay',
        'not-found',
        'NO_REFUND_DATA',
        `no refund ${outRefundNo}`,
      )
    }
    const refundStatus = stringField(answer, 'refund_status') ?? ''
    const refundedAt = stringField(answer, 'gmt_refund_pay')
    return {
      outTradeNo,
      outRefundNo,
      status: refundStatus === '' || refundStatus === 'REFUND_SUCCESS' ? 'succeeded' : 'processing',
      refundFen: this.amount(refundAmount),
      providerRefundId: stringField(answer, 'trade_no'),
      succeededAt: refundedAt ? parseShanghaiDateTime(refundedAt) : undefined,
      providerState: refundStatus || 'REFUND_SUCCESS',
    }
  }

  async parseNotification(
    _headers: NotificationHeaders,
    rawBody: string,
  ): Promise<PaymentEvent | null> {
    const params = Object.fromEntries(new URLSearchParams(rawBody))
    const { sign, sign_type: signType } = params
    if (!sign) throw new PaymentSignatureError('missing', 'the Alipay notification has no sign')
    if (signType !== 'RSA2')
      throw new PaymentSignatureError('bad-signature', `sign_type ${signType ?? ''} is not RSA2`)
    if (
      !verifyAlipay(
        alipaySignContent(params, ['sign', 'sign_type']),
        sign,
        this.client.alipayPublicKey,
      )
    ) {
      throw new PaymentSignatureError(
        'bad-signature',
        'the Alipay notification signature does not verify',
      )
    }
    if (params.app_id !== this.config.appId) {
      throw new PaymentNotificationError(`the notification is for app ${params.app_id ?? ''}`)
    }
    if (this.config.sellerId && params.seller_id !== this.config.sellerId) {
      throw new PaymentNotificationError(`the notification is for seller ${params.seller_id ?? ''}`)
    }
    return toAlipayEvent(params)
  }

  notificationReply(handled: boolean): NotificationReply {
    // Alipay retries until it reads exactly `success`.
    return { status: 200, contentType: 'text/plain', body: handled ? 'success' : 'fail' }
  }

  private amount(yuan: string): number {
    try {
      return yuanToFen(yuan)
    } catch (error) {
      throw new PaymentTransportError('alipay', `bad amount ${yuan}`, { cause: error })
    }
  }

  private required<T>(value: T | undefined, what: string): T {
    if (value === undefined || value === '')
      throw new PaymentTransportError('alipay', `the answer lacks ${what}`)
    return value
  }
}

/** A verified notification's form parameters → our event (null for ones we do not act on). */
function toAlipayEvent(params: Record<string, string>): PaymentEvent | null {
  const { out_trade_no: outTradeNo, trade_no: tradeNo, trade_status: tradeStatus } = params
  // A notification after a refund carries only the cumulative refund_fee; Alipay answers
  // refunds synchronously, so refunds are settled from refund() and queryRefund() instead.
  if (params.out_biz_no || params.refund_fee) return null
  const kind =
    tradeStatus === 'TRADE_SUCCESS' || tradeStatus === 'TRADE_FINISHED'
      ? 'payment.succeeded'
      : tradeStatus === 'TRADE_CLOSED'
        ? 'payment.closed'
        : undefined
  if (!kind) return null
  const when = kind === 'payment.succeeded' ? params.gmt_payment : params.gmt_close
  const occurredAt = parseShanghaiDateTime(when ?? params.notify_time ?? '')
  if (!outTradeNo || !tradeNo || !params.total_amount || !occurredAt) {
    throw new PaymentNotificationError(`incomplete ${tradeStatus ?? ''} notification`)
  }
  let amountFen: number
  try {
    amountFen = yuanToFen(params.total_amount)
  } catch (error) {
    throw new PaymentNotificationError(`bad total_amount ${params.total_amount}`, { cause: error })
  }
  return { kind, outTradeNo, providerTransactionId: tradeNo, amountFen, occurredAt }
}
