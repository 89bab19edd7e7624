import { createHmac, randomUUID } from 'node:crypto'
import { SmsSendError, type SmsMessage, type SmsProvider, type SmsReceipt } from './sms-provider.js'

// Aliyun Short Message Service (dysmsapi, API version 2017-05-25), action SendSms, called in the
// RPC style: form parameters signed with HMAC-SHA1 (signature version 1.0) over the canonicalized,
// percent-encoded, sorted parameters. https://help.aliyun.com/document_detail/101414.html

export interface AliyunSmsOptions {
  accessKeyId: string
  accessKeySecret: string
  /**
   * The approved signature (签名) when it must differ from the county's (ALIYUN_SMS_SIGN_NAME);
   * empty or absent: each message's own, from the county settings.
   */
  signName?: string
  /** Our template key → the approved template code (SMS_123456789). */
  templateCodes: Record<string, string>
  /** Default https://dysmsapi.aliyuncs.com; tests point it at a local server. */
  endpoint?: string
  timeoutMs?: number
  /** Injected for tests: the time and nonce that go into the signature. */
  now?: () => Date
  nonce?: () => string
}

/** RFC 3986 encoding as Aliyun specifies it: spaces as %20, `*` encoded, `~` kept. */
export const percentEncode = (value: string): string =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )

/** The signature of an RPC request's parameters (without `Signature`). */
export function signRpcRequest(
  method: 'GET' | 'POST',
  params: Record<string, string>,
  accessKeySecret: string,
): string {
  const canonical = Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key] ?? '')}`)
    .join('&')
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64')
}

interface SendSmsResponse {
  Code?: string
  Message?: string
  BizId?: string
  RequestId?: string
}

// Codes for which the same message may succeed later; everything else is a permanent refusal.
const RETRYABLE_CODES = new Set([
  'isv.BUSINESS_LIMIT_CONTROL',
  'isv.AMOUNT_NOT_ENOUGH',
  'isp.SYSTEM_ERROR',
  'SignatureNonceUsed',
  'Throttling',
  'Throttling.User',
  'ServiceUnavailable',
])

export class AliyunSmsProvider implements SmsProvider {
  readonly name = 'aliyun'
  private readonly endpoint: string

  constructor(private readonly options: AliyunSmsOptions) {
    this.endpoint = options.endpoint ?? 'https://dysmsapi.aliyuncs.com'
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    const templateCode = this.options.templateCodes[message.template]
    if (templateCode === undefined) {
      throw new SmsSendError(
        'template_unmapped',
        `no Aliyun template for ${message.template}`,
        false,
      )
    }
    const params: Record<string, string> = {
      AccessKeyId: this.options.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      OutId: message.reference,
      PhoneNumbers: message.phone,
      RegionId: 'cn-hangzhou',
      SignName: this.options.signName || message.signature,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: (this.options.nonce ?? randomUUID)(),
      SignatureVersion: '1.0',
      TemplateCode: templateCode,
      TemplateParam: JSON.stringify(message.params),
      // ISO 8601 in UTC without milliseconds, as the API expects.
      Timestamp: (this.options.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    }
    params.Signature = signRpcRequest('POST', params, this.options.accessKeySecret)

    const answer = await this.post(params)
    if (answer.Code === 'OK' && answer.BizId) return { providerMessageId: answer.BizId, body: null }
    const code = answer.Code ?? 'unknown'
    throw new SmsSendError(code, answer.Message ?? 'no message', RETRYABLE_CODES.has(code))
  }

  private async post(params: Record<string, string>): Promise<SendSmsResponse> {
    let response: Response
    try {
      response = await fetch(`${this.endpoint}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Object.entries(params)
          .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
          .join('&'),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      })
    } catch (error) {
      throw new SmsSendError(
        'network',
        error instanceof Error ? error.message : String(error),
        true,
      )
    }
    const text = await response.text()
    let body: SendSmsResponse
    try {
      body = JSON.parse(text) as SendSmsResponse
    } catch {
      throw new SmsSendError(`http_${response.status}`, text.slice(0, 200), response.status >= 500)
    }
    if (!response.ok && body.Code === undefined) {
      throw new SmsSendError(`http_${response.status}`, text.slice(0, 200), response.status >= 500)
    }
    return body
  }
}
