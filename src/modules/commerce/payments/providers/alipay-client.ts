import type { KeyObject } from 'node:crypto'
import {
  PaymentProviderError,
  PaymentSignatureError,
  PaymentTransportError,
  type PaymentRefusal,
} from './errors.js'
import {
  isJsonObject,
  objectField,
  parseJsonObject,
  stringField,
  type JsonObject,
} from './json-read.js'
import {
  alipaySignContent,
  extractSignedJson,
  signAlipay,
  toAlipayKey,
  verifyAlipay,
} from './alipay-sign.js'
import { formatShanghaiDateTime } from './time-format.js'

// Alipay OpenAPI's transport (the gateway.do protocol): common parameters signed with RSA2, the
// `<method>_response` of every answer verified with Alipay's public key.

export const ALIPAY_GATEWAY_URL = 'https://openapi.alipay.com/gateway.do'

export interface AlipayConfig {
  appId: string
  /** The app private key: PEM or the bare base64 of Alipay's key tool (PKCS#8). */
  appPrivateKey: string | KeyObject
  /** Alipay's public key (支付宝公钥), PEM or bare base64. */
  alipayPublicKey: string | KeyObject
  gatewayUrl?: string
  /** When set, notifications for another seller (seller_id) are refused. */
  sellerId?: string
  /** Where the wap cashier's "leave" button goes. */
  quitUrl?: string
  now?: () => number
  fetch?: typeof fetch
}

const REFUSALS: Record<string, PaymentRefusal> = {
  'ACQ.TRADE_NOT_EXIST': 'not-found',
  'ACQ.TRADE_HAS_SUCCESS': 'already-paid',
  'ACQ.TRADE_HAS_CLOSE': 'already-closed',
  'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL': 'amount-exceeded',
}

export class AlipayClient {
  readonly gatewayUrl: string
  readonly alipayPublicKey: KeyObject
  private readonly appPrivateKey: KeyObject
  private readonly now: () => number
  private readonly fetch: typeof fetch

  constructor(private readonly config: AlipayConfig) {
    this.appPrivateKey = toAlipayKey(config.appPrivateKey, 'private')
    this.alipayPublicKey = toAlipayKey(config.alipayPublicKey, 'public')
    this.gatewayUrl = config.gatewayUrl ?? ALIPAY_GATEWAY_URL
    this.now = config.now ?? Date.now
    this.fetch = config.fetch ?? globalThis.fetch
  }

  /** The common parameters, biz_content and sign of a call to `method`. */
  signedParams(
    method: string,
    biz: JsonObject,
    extra: { notify_url?: string; return_url?: string } = {},
  ): Record<string, string> {
    const params: Record<string, string> = {
      app_id: this.config.appId,
      method,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: formatShanghaiDateTime(this.now()),
      version: '1.0',
      biz_content: JSON.stringify(biz),
    }
    if (extra.notify_url) params.notify_url = extra.notify_url
    if (extra.return_url) params.return_url = extra.return_url
    params.sign = signAlipay(alipaySignContent(params), this.appPrivateKey)
    return params
  }

  /** Calls the gateway and returns the verified `<method>_response` object of a success. */
  async call(method: string, biz: JsonObject, notifyUrl?: string): Promise<JsonObject> {
    const params = this.signedParams(method, biz, { notify_url: notifyUrl })
    let text: string
    try {
      const response = await this.fetch(this.gatewayUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(params).toString(),
      })
      text = await response.text()
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`)
    } catch (error) {
      throw new PaymentTransportError('alipay', `${method} failed`, { cause: error })
    }
    const responseKey = `${method.replaceAll('.', '_')}_response`
    const document = parseJsonObject(text)
    const key = document && isJsonObject(document[responseKey]) ? responseKey : 'error_response'
    const signedText = extractSignedJson(text, key)
    const answer = document && objectField(document, key)
    if (!answer || !signedText) {
      throw new PaymentTransportError('alipay', `no ${responseKey} in the answer`)
    }
    const code = stringField(answer, 'code') ?? ''
    this.verifyAnswer(method, code, signedText, stringField(document, 'sign'))
    if (code === '10000') return answer
    const subCode = stringField(answer, 'sub_code') ?? code
    const message = stringField(answer, 'sub_msg') ?? stringField(answer, 'msg') ?? ''
    if (code === '20000') throw new PaymentTransportError('alipay', `${subCode}: ${message}`)
    throw new PaymentProviderError('alipay', REFUSALS[subCode] ?? 'rejected', subCode, message)
  }

  private verifyAnswer(method: string, code: string, signedText: string, sign?: string): void {
    if (sign) {
      if (verifyAlipay(signedText, sign, this.alipayPublicKey)) return
      throw new PaymentSignatureError('bad-signature', `the ${method} answer does not verify`)
    }
    if (code === '10000') {
      throw new PaymentSignatureError('missing', `the ${method} answer is not signed`)
    }
    // Unsigned refusals (a wrong app id, a bad request signature) cannot be trusted to say more.
    throw new PaymentTransportError('alipay', `unsigned refusal ${code} of ${method}`)
  }
}
