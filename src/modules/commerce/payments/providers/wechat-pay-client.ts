import type { KeyObject } from 'node:crypto'
import {
  PaymentProviderError,
  PaymentSignatureError,
  PaymentTransportError,
  type PaymentRefusal,
} from './errors.js'
import { parseJsonObject, stringField, type JsonObject } from './json-read.js'
import type { NotificationHeaders } from './provider.js'
import {
  checkTimestamp,
  newNonce,
  readSignatureHeaders,
  signedMessage,
  unixSeconds,
} from './signed-message.js'
import {
  formatAuthorization,
  requestMessage,
  signSha256WithRsa,
  toPrivateKey,
  toPublicKey,
  verifySha256WithRsa,
} from './wechat-pay-crypto.js'

// WeChat Pay API v3's transport: every request signed with the merchant's API private key, every
// answer and callback verified with WeChat Pay's public key, found by the Wechatpay-Serial
// header: a public key id (PUB_KEY_ID_…) or a platform certificate serial.

export const WECHAT_PAY_BASE_URL = 'https://api.mch.weixin.qq.com'

export interface WechatPayV3Config {
  mchId: string
  appId: string
  /** Serial number of the merchant API certificate that pairs with merchantPrivateKey. */
  merchantSerialNo: string
  merchantPrivateKey: string | KeyObject
  /** The APIv3 key: 32 characters, decrypts callback resources. */
  apiV3Key: string
  /** WeChat Pay public keys by the id WeChat puts in Wechatpay-Serial (PEM key or certificate). */
  platformPublicKeys: Record<string, string | KeyObject>
  /** Public-key mode: the key id sent as Wechatpay-Serial on requests. */
  wechatpayPublicKeyId?: string
  baseUrl?: string
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number
  fetch?: typeof fetch
  /** Signed timestamps further than this from now are refused (default 300 s). */
  maxClockSkewS?: number
}

const REFUSALS: Record<string, PaymentRefusal> = {
  ORDERPAID: 'already-paid',
  ORDER_PAID: 'already-paid',
  ORDER_CLOSED: 'already-closed',
  ORDERCLOSED: 'already-closed',
  ORDER_NOT_EXIST: 'not-found',
  ORDERNOTEXIST: 'not-found',
  RESOURCE_NOT_EXISTS: 'not-found',
}

export class WechatPayClient {
  readonly now: () => number
  readonly privateKey: KeyObject
  private readonly publicKeys: Map<string, KeyObject>
  private readonly baseUrl: string
  private readonly fetch: typeof fetch
  private readonly maxClockSkewS: number

  constructor(private readonly config: WechatPayV3Config) {
    this.privateKey = toPrivateKey(config.merchantPrivateKey)
    this.publicKeys = new Map(
      Object.entries(config.platformPublicKeys).map(([id, key]) => [id, toPublicKey(key)]),
    )
    this.baseUrl = (config.baseUrl ?? WECHAT_PAY_BASE_URL).replace(/\/+$/, '')
    this.now = config.now ?? Date.now
    this.fetch = config.fetch ?? globalThis.fetch
    this.maxClockSkewS = config.maxClockSkewS ?? 300
  }

  /** Sends a signed request and returns the verified JSON answer ({} for 204). */
  async call(
    method: 'GET' | 'POST',
    pathWithQuery: string,
    body?: JsonObject,
  ): Promise<JsonObject> {
    const bodyText = body ? JSON.stringify(body) : ''
    let response: Response
    let text: string
    try {
      response = await this.fetch(`${this.baseUrl}${pathWithQuery}`, {
        method,
        headers: this.requestHeaders(method, pathWithQuery, bodyText),
        body: body ? bodyText : undefined,
      })
      text = await response.text()
    } catch (error) {
      throw new PaymentTransportError('wechat-pay', `${method} ${pathWithQuery} failed`, {
        cause: error,
      })
    }
    const responseHeaders = Object.fromEntries(response.headers.entries())
    // A successful answer without a valid signature is forged; error answers are checked
    // whenever they carry a signature.
    if (response.ok || responseHeaders['wechatpay-signature']) {
      this.verifySigned(responseHeaders, text)
    }
    if (response.ok) {
      if (text === '') return {}
      return parseJsonObject(text) ?? this.malformed('the answer is not a JSON object')
    }
    const error = parseJsonObject(text)
    const code = stringField(error, 'code') ?? `HTTP_${response.status}`
    const message = stringField(error, 'message') ?? text.slice(0, 200)
    if (response.status >= 500) {
      throw new PaymentTransportError('wechat-pay', `${response.status} ${code}: ${message}`)
    }
    const refusal = REFUSALS[code] ?? (response.status === 404 ? 'not-found' : 'rejected')
    throw new PaymentProviderError('wechat-pay', refusal, code, message)
  }

  /** Checks the Wechatpay-* signature of an answer or a callback over its raw body. */
  verifySigned(headers: NotificationHeaders, body: string): void {
    const signed = readSignatureHeaders(headers, 'Wechatpay')
    checkTimestamp(signed.timestamp, this.now(), this.maxClockSkewS)
    const key = this.publicKeys.get(signed.serial)
    if (!key) {
      throw new PaymentSignatureError('unknown-key', `no WeChat Pay public key ${signed.serial}`)
    }
    const message = signedMessage(signed.timestamp, signed.nonce, body)
    if (!verifySha256WithRsa(message, signed.signature, key)) {
      throw new PaymentSignatureError('bad-signature', 'the WeChat Pay signature does not verify')
    }
  }

  malformed(what: string): never {
    throw new PaymentTransportError('wechat-pay', what)
  }

  private requestHeaders(method: string, pathWithQuery: string, bodyText: string) {
    const timestamp = unixSeconds(this.now())
    const nonce = newNonce()
    const message = requestMessage(method, pathWithQuery, timestamp, nonce, bodyText)
    const headers: Record<string, string> = {
      Authorization: formatAuthorization({
        mchId: this.config.mchId,
        serialNo: this.config.merchantSerialNo,
        nonce,
        timestamp,
        signature: signSha256WithRsa(message, this.privateKey),
      }),
      Accept: 'application/json',
      'User-Agent': 'cuntong-payment/1',
    }
    if (bodyText) headers['Content-Type'] = 'application/json'
    if (this.config.wechatpayPublicKeyId) {
      headers['Wechatpay-Serial'] = this.config.wechatpayPublicKeyId
    }
    return headers
  }
}
