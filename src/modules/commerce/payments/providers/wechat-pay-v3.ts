import { PaymentNotificationError } from './errors.js'
import {
  integerField,
  objectField,
  parseJsonObject,
  stringField,
  type JsonObject,
} from './json-read.js'
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
  RefundStatus,
} from './provider.js'
import { newNonce, unixSeconds } from './signed-message.js'
import { formatShanghaiRfc3339, parseRfc3339 } from './time-format.js'
import { WechatPayClient, type WechatPayV3Config } from './wechat-pay-client.js'
import { decryptResource, jsapiPaySignMessage, signSha256WithRsa } from './wechat-pay-crypto.js'

export { WECHAT_PAY_BASE_URL, type WechatPayV3Config } from './wechat-pay-client.js'

// WeChat Pay API v3, merchant direct mode (直连商户): the operations and the callbacks. Amounts
// are fen already (amount.total, amount.refund).

const TRADE_STATUS: Record<string, PaymentStatus> = {
  SUCCESS: 'succeeded',
  REFUND: 'succeeded', // paid, then (partly) refunded: refunds are tracked on their own
  NOTPAY: 'pending',
  USERPAYING: 'pending',
  CLOSED: 'closed',
  REVOKED: 'closed',
  PAYERROR: 'failed',
}

const REFUND_STATUS: Record<string, RefundStatus> = {
  SUCCESS: 'succeeded',
  PROCESSING: 'processing',
  CLOSED: 'failed',
  ABNORMAL: 'failed',
}

export class WechatPayV3Provider implements PaymentProvider {
  readonly name = 'wechat-pay'
  private readonly client: WechatPayClient

  constructor(private readonly config: WechatPayV3Config) {
    if (Buffer.byteLength(config.apiV3Key, 'utf8') !== 32) {
      throw new RangeError('the WeChat Pay APIv3 key must be 32 bytes')
    }
    this.client = new WechatPayClient(config)
  }

  async createPayment(input: CreatePaymentInput): Promise<PaymentAction> {
    const { mchId, appId } = this.config
    const body: JsonObject = {
      appid: appId,
      mchid: mchId,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: formatShanghaiRfc3339(Date.parse(input.expiresAt)),
      notify_url: input.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
    }
    const { channel } = input
    switch (channel.kind) {
      case 'h5': {
        body.scene_info = { payer_client_ip: channel.payerClientIp, h5_info: { type: 'Wap' } }
        const answer = await this.client.call('POST', '/v3/pay/transactions/h5', body)
        const h5Url = this.required(stringField(answer, 'h5_url'), 'h5_url')
        // WeChat sends the payer back to redirect_url, appended to h5_url, after paying.
        const url = channel.returnUrl
          ? `${h5Url}&redirect_url=${encodeURIComponent(channel.returnUrl)}`
          : h5Url
        return { kind: 'redirect', url }
      }
      case 'native': {
        const answer = await this.client.call('POST', '/v3/pay/transactions/native', body)
        return {
          kind: 'qr-code',
          codeUrl: this.required(stringField(answer, 'code_url'), 'code_url'),
        }
      }
      case 'jsapi': {
        body.payer = { openid: channel.payerOpenId }
        const answer = await this.client.call('POST', '/v3/pay/transactions/jsapi', body)
        const prepayId = this.required(stringField(answer, 'prepay_id'), 'prepay_id')
        const timeStamp = unixSeconds(this.client.now())
        const nonceStr = newNonce()
        const prepayPackage = `prepay_id=${prepayId}`
        const paySign = signSha256WithRsa(
          jsapiPaySignMessage(appId, timeStamp, nonceStr, prepayPackage),
          this.client.privateKey,
        )
        return {
          kind: 'jsapi',
          params: { appId, timeStamp, nonceStr, package: prepayPackage, signType: 'RSA', paySign },
        }
      }
    }
  }

  async queryPayment(outTradeNo: string): Promise<PaymentState> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`
    const answer = await this.client.call(
      'GET',
      `${path}?mchid=${encodeURIComponent(this.config.mchId)}`,
    )
    const tradeState = this.required(stringField(answer, 'trade_state'), 'trade_state')
    const status = TRADE_STATUS[tradeState] ?? 'pending'
    const amountFen = integerField(objectField(answer, 'amount'), 'total')
    const providerTransactionId = stringField(answer, 'transaction_id')
    const successTime = stringField(answer, 'success_time')
    if (status === 'succeeded') {
      this.required(amountFen, 'amount.total')
      this.required(providerTransactionId, 'transaction_id')
    }
    return {
      outTradeNo: stringField(answer, 'out_trade_no') ?? outTradeNo,
      status,
      amountFen,
      providerTransactionId: providerTransactionId || undefined,
      paidAt: successTime ? parseRfc3339(successTime) : undefined,
      providerState: tradeState,
    }
  }

  async closePayment(outTradeNo: string): Promise<void> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`
    await this.client.call('POST', path, { mchid: this.config.mchId })
  }

  async refund(input: RefundInput): Promise<RefundState> {
    const answer = await this.client.call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      reason: input.reason,
      notify_url: input.notifyUrl,
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    })
    return this.toRefundState(answer, input.outTradeNo, input.outRefundNo)
  }

  async queryRefund(outTradeNo: string, outRefundNo: string): Promise<RefundState> {
    const path = `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`
    return this.toRefundState(await this.client.call('GET', path), outTradeNo, outRefundNo)
  }

  async parseNotification(
    headers: NotificationHeaders,
    rawBody: string,
  ): Promise<PaymentEvent | null> {
    this.client.verifySigned(headers, rawBody)
    const notification = parseJsonObject(rawBody)
    const resource = notification && objectField(notification, 'resource')
    const eventType = stringField(notification, 'event_type')
    const ciphertext = stringField(resource, 'ciphertext')
    const nonce = stringField(resource, 'nonce')
    if (!notification || !eventType || !ciphertext || nonce === undefined) {
      throw new PaymentNotificationError('not a WeChat Pay notification')
    }
    const plain = parseJsonObject(
      decryptResource(
        {
          algorithm: stringField(resource, 'algorithm') ?? '',
          ciphertext,
          nonce,
          associated_data: stringField(resource, 'associated_data'),
        },
        this.config.apiV3Key,
      ),
    )
    if (!plain) throw new PaymentNotificationError('the decrypted resource is not a JSON object')
    const createTime = parseRfc3339(stringField(notification, 'create_time') ?? '')
    return toWechatEvent(eventType, plain, createTime)
  }

  notificationReply(handled: boolean): NotificationReply {
    // WeChat Pay: 200 or 204 without a body is success; anything else makes it retry.
    return handled
      ? { status: 204, body: '' }
      : {
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ code: 'FAIL', message: '失败' }),
        }
  }

  private toRefundState(answer: JsonObject, outTradeNo: string, outRefundNo: string): RefundState {
    const state = this.required(stringField(answer, 'status'), 'status')
    const successTime = stringField(answer, 'success_time')
    return {
      outTradeNo: stringField(answer, 'out_trade_no') ?? outTradeNo,
      outRefundNo: stringField(answer, 'out_refund_no') ?? outRefundNo,
      status: REFUND_STATUS[state] ?? 'processing',
      refundFen: this.required(
        integerField(objectField(answer, 'amount'), 'refund'),
        'amount.refund',
      ),
      providerRefundId: stringField(answer, 'refund_id'),
      succeededAt: successTime ? parseRfc3339(successTime) : undefined,
      providerState: state,
    }
  }

  private required<T>(value: T | undefined, what: string): T {
    return value === undefined ? this.client.malformed(`the answer lacks ${what}`) : value
  }
}

/** A decrypted WeChat Pay callback resource → our event (null for ones we do not act on). */
function toWechatEvent(
  eventType: string,
  resource: JsonObject,
  createTime: string | undefined,
): PaymentEvent | null {
  const amount = objectField(resource, 'amount')
  const outTradeNo = stringField(resource, 'out_trade_no')
  const transactionId = stringField(resource, 'transaction_id') ?? ''
  const successTime = stringField(resource, 'success_time')
  const occurredAt = (successTime && parseRfc3339(successTime)) || createTime
  if (eventType === 'TRANSACTION.SUCCESS') {
    const amountFen = integerField(amount, 'total')
    if (stringField(resource, 'trade_state') !== 'SUCCESS') return null
    if (!outTradeNo || !transactionId || amountFen === undefined || !occurredAt) {
      throw new PaymentNotificationError('incomplete TRANSACTION.SUCCESS resource')
    }
    return {
      kind: 'payment.succeeded',
      outTradeNo,
      providerTransactionId: transactionId,
      amountFen,
      occurredAt,
    }
  }
  if (eventType.startsWith('REFUND.')) {
    const outRefundNo = stringField(resource, 'out_refund_no')
    const amountFen = integerField(amount, 'refund')
    if (!outTradeNo || !outRefundNo || amountFen === undefined || !occurredAt) {
      throw new PaymentNotificationError(`incomplete ${eventType} resource`)
    }
    const kind = eventType === 'REFUND.SUCCESS' ? 'refund.succeeded' : 'refund.failed'
    return {
      kind,
      outTradeNo,
      outRefundNo,
      providerTransactionId: transactionId,
      providerRefundId: stringField(resource, 'refund_id'),
      amountFen,
      occurredAt,
    }
  }
  return null
}
