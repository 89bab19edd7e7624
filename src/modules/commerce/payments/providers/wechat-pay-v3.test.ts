import { createCipheriv, sign, verify } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PaymentNotificationError, PaymentProviderError, PaymentSignatureError } from './errors.js'
import { makeTestKeyPair, type TestKeyPair } from './test-keys.js'
import { WechatPayV3Provider } from './wechat-pay-v3.js'

// A fake WeChat Pay on 127.0.0.1: it checks our Authorization header as WeChat Pay documents it
// (written here independently of the adapter) and signs its answers with a "platform" key.

const NOW_MS = Date.parse('2026-11-28T06:00:00Z')
const NOW_S = String(NOW_MS / 1000)
const MCH_ID = '1900000001'
const MERCHANT_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1'
const PUBLIC_KEY_ID = 'PUB_KEY_ID_0119000000012025112800000000000001'
const API_V3_KEY = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'

interface Received {
  method: string
  url: string
  body: string
  authorization: string
}
interface Answer {
  status: number
  body?: unknown
  unsigned?: boolean
  tamper?: boolean
}

let merchant: TestKeyPair
let platform: TestKeyPair
let server: Server
let baseUrl: string
let received: Received[]
let answers: Map<string, Answer>

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (text += chunk))
    request.on('end', () => resolve(text))
  })

function platformHeaders(body: string, timestamp = NOW_S, nonce = 'RESPONSENONCE1') {
  const signature = sign(
    'sha256',
    Buffer.from(`${timestamp}\n${nonce}\n${body}\n`),
    platform.privateKey,
  )
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signature.toString('base64'),
    'Wechatpay-Serial': PUBLIC_KEY_ID,
  }
}

function authorizationHolds(method: string, url: string, body: string, header: string): boolean {
  const match =
    /^WECHATPAY2-SHA256-RSA2048 mchid="(\d+)",nonce_str="(\w+)",signature="([^"]+)",timestamp="(\d+)",serial_no="(\w+)"$/.exec(
      header,
    )
  if (!match) return false
  const [, mchId, nonce, signature, timestamp, serial] = match
  const message = `${method}\n${url}\n${timestamp ?? ''}\n${nonce ?? ''}\n${body}\n`
  return (
    mchId === MCH_ID &&
    serial === MERCHANT_SERIAL &&
    verify(
      'sha256',
      Buffer.from(message),
      merchant.publicKey,
      Buffer.from(signature ?? '', 'base64'),
    )
  )
}

beforeAll(async () => {
  merchant = makeTestKeyPair()
  platform = makeTestKeyPair()
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const method = request.method ?? ''
      const url = request.url ?? ''
      const authorization = request.headers.authorization ?? ''
      received.push({ method, url, body, authorization })
      let answer: Answer = answers.get(`${method} ${url}`) ?? {
        status: 404,
        body: { code: 'NOT_FOUND', message: 'no such fake' },
      }
      if (!authorizationHolds(method, url, body, authorization)) {
        answer = { status: 401, body: { code: 'SIGN_ERROR', message: '签名错误' } }
      }
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body)
      const headers = answer.unsigned ? {} : platformHeaders(text)
      response.writeHead(answer.status, { 'Content-Type': 'application/json', ...headers })
      response.end(answer.tamper ? text.replace('"total":100', '"total":1') : text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

beforeEach(() => {
  received = []
  answers = new Map()
})

const makeProvider = (overrides: { merchantPrivateKey?: string } = {}) =>
  new WechatPayV3Provider({
    mchId: MCH_ID,
    appId: 'wxd678efh567hg6787',
    merchantSerialNo: MERCHANT_SERIAL,
    merchantPrivateKey: overrides.merchantPrivateKey ?? merchant.privatePem,
    apiV3Key: API_V3_KEY,
    platformPublicKeys: { [PUBLIC_KEY_ID]: platform.publicPem },
    wechatpayPublicKeyId: PUBLIC_KEY_ID,
    baseUrl,
    now: () => NOW_MS,
  })

const order = {
  outTradeNo: 'CT20261128000001',
  amountFen: 100,
  description: '五台山台蘑 250g',
  notifyUrl: 'https://shop.example/api/payments/wechat/notify',
  expiresAt: '2026-11-28T06:30:00.000Z',
}

describe('WeChat Pay API v3 requests', () => {
  it('creates a native payment with a signed request and returns the code_url', async () => {
    answers.set('POST /v3/pay/transactions/native', {
      status: 200,
      body: { code_url: 'weixin://wxpay/bizpayurl?pr=abc' },
    })
    const action = await makeProvider().createPayment({ ...order, channel: { kind: 'native' } })
    expect(action).toEqual({ kind: 'qr-code', codeUrl: 'weixin://wxpay/bizpayurl?pr=abc' })
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({
      appid: 'wxd678efh567hg6787',
      mchid: MCH_ID,
      description: '五台山台蘑 250g',
      out_trade_no: 'CT20261128000001',
      time_expire: '2026-11-28T14:30:00+08:00',
      notify_url: order.notifyUrl,
      amount: { total: 100, currency: 'CNY' },
    })
  })

  it('is refused by the server when signed with another key', async () => {
    answers.set('POST /v3/pay/transactions/native', {
      status: 200,
      body: { code_url: 'weixin://x' },
    })
    const other = makeTestKeyPair()
    const provider = makeProvider({ merchantPrivateKey: other.privatePem })
    await expect(
      provider.createPayment({ ...order, channel: { kind: 'native' } }),
    ).rejects.toMatchObject({
      name: 'PaymentProviderError',
      providerCode: 'SIGN_ERROR',
    })
  })

  it('signs the JSAPI parameters the WeChat client checks', async () => {
    answers.set('POST /v3/pay/transactions/jsapi', {
      status: 200,
      body: { prepay_id: 'wx201410272009395522657a690389285100' },
    })
    const action = await makeProvider().createPayment({
      ...order,
      channel: { kind: 'jsapi', payerOpenId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    })
    if (action.kind !== 'jsapi') throw new Error(`expected jsapi, got ${action.kind}`)
    const { params } = action
    expect(params).toMatchObject({
      appId: 'wxd678efh567hg6787',
      timeStamp: NOW_S,
      package: 'prepay_id=wx201410272009395522657a690389285100',
      signType: 'RSA',
    })
    const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`
    expect(
      verify(
        'sha256',
        Buffer.from(message),
        merchant.publicKey,
        Buffer.from(params.paySign, 'base64'),
      ),
    ).toBe(true)
    expect(JSON.parse(received[0]?.body ?? '')).toMatchObject({
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    })
  })

  it('sends the payer of an H5 payment back to the return URL', async () => {
    answers.set('POST /v3/pay/transactions/h5', {
      status: 200,
      body: {
        h5_url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1&package=2',
      },
    })
    const action = await makeProvider().createPayment({
      ...order,
      channel: {
        kind: 'h5',
        payerClientIp: '203.0.113.9',
        returnUrl: 'https://shop.example/orders/1',
      },
    })
    expect(action).toEqual({
      kind: 'redirect',
      url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1&package=2&redirect_url=https%3A%2F%2Fshop.example%2Forders%2F1',
    })
    expect(JSON.parse(received[0]?.body ?? '')).toMatchObject({
      scene_info: { payer_client_ip: '203.0.113.9', h5_info: { type: 'Wap' } },
    })
  })

  it('queries a paid trade, signing the path with its query string', async () => {
    answers.set(`GET /v3/pay/transactions/out-trade-no/${order.outTradeNo}?mchid=${MCH_ID}`, {
      status: 200,
      body: {
        out_trade_no: order.outTradeNo,
        transaction_id: '4200000001',
        trade_state: 'SUCCESS',
        success_time: '2026-11-28T14:05:00+08:00',
        amount: { total: 100, payer_total: 100, currency: 'CNY' },
      },
    })
    expect(await makeProvider().queryPayment(order.outTradeNo)).toEqual({
      outTradeNo: order.outTradeNo,
      status: 'succeeded',
      amountFen: 100,
      providerTransactionId: '4200000001',
      paidAt: '2026-11-28T06:05:00.000Z',
      providerState: 'SUCCESS',
    })
  })

  it('refuses an answer whose body was changed after WeChat Pay signed it', async () => {
    answers.set(`GET /v3/pay/transactions/out-trade-no/${order.outTradeNo}?mchid=${MCH_ID}`, {
      status: 200,
      tamper: true,
      body: {
        out_trade_no: order.outTradeNo,
        transaction_id: '4200000001',
        trade_state: 'SUCCESS',
        amount: { total: 100 },
      },
    })
    await expect(makeProvider().queryPayment(order.outTradeNo)).rejects.toThrow(
      PaymentSignatureError,
    )
  })

  it('refuses a successful answer that is not signed at all', async () => {
    answers.set(`POST /v3/pay/transactions/out-trade-no/${order.outTradeNo}/close`, {
      status: 204,
      unsigned: true,
    })
    await expect(makeProvider().closePayment(order.outTradeNo)).rejects.toMatchObject({
      problem: 'missing',
    })
  })

  it('closes an unpaid trade', async () => {
    answers.set(`POST /v3/pay/transactions/out-trade-no/${order.outTradeNo}/close`, { status: 204 })
    await makeProvider().closePayment(order.outTradeNo)
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({ mchid: MCH_ID })
  })

  it('reports a paid trade it cannot close as already paid', async () => {
    answers.set(`POST /v3/pay/transactions/out-trade-no/${order.outTradeNo}/close`, {
      status: 400,
      body: { code: 'ORDERPAID', message: '订单已支付' },
    })
    const error = await makeProvider()
      .closePayment(order.outTradeNo)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PaymentProviderError)
    expect(error).toMatchObject({
      refusal: 'already-paid',
      providerCode: 'ORDERPAID',
      code: 'conflict',
    })
  })

  it('refunds and queries the refund', async () => {
    const refund = {
      refund_id: '50000000382019052709732678859',
      out_refund_no: 'RF1',
      out_trade_no: order.outTradeNo,
      status: 'PROCESSING',
      amount: { refund: 40, total: 100, currency: 'CNY' },
    }
    answers.set('POST /v3/refund/domestic/refunds', { status: 200, body: refund })
    answers.set('GET /v3/refund/domestic/refunds/RF1', {
      status: 200,
      body: { ...refund, status: 'SUCCESS', success_time: '2026-11-28T14:10:00+08:00' },
    })
    const provider = makeProvider()
    const input = {
      outTradeNo: order.outTradeNo,
      outRefundNo: 'RF1',
      refundFen: 40,
      totalFen: 100,
      reason: '缺货',
      notifyUrl: order.notifyUrl,
    }
    expect(await provider.refund(input)).toMatchObject({
      status: 'processing',
      refundFen: 40,
      providerRefundId: refund.refund_id,
    })
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({
      out_trade_no: order.outTradeNo,
      out_refund_no: 'RF1',
      reason: '缺货',
      notify_url: order.notifyUrl,
      amount: { refund: 40, total: 100, currency: 'CNY' },
    })
    expect(await provider.queryRefund(order.outTradeNo, 'RF1')).toMatchObject({
      status: 'succeeded',
      succeededAt: '2026-11-28T06:10:00.000Z',
    })
  })
})

// A callback as WeChat Pay builds it: the resource encrypted with the APIv3 key, the body signed.
function encryptResource(
  plain: object,
  key = API_V3_KEY,
  nonce = 'fdasflkja484',
  associatedData = 'transaction',
) {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(nonce))
  cipher.setAAD(Buffer.from(associatedData))
  const encrypted = Buffer.concat([
    cipher.update(JSON.stringify(plain), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ])
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: encrypted.toString('base64'),
    nonce,
    associated_data: associatedData,
    original_type: 'transaction',
  }
}

const paidResource = {
  mchid: MCH_ID,
  appid: 'wxd678efh567hg6787',
  out_trade_no: order.outTradeNo,
  transaction_id: '4200000001202611280000000001',
  trade_type: 'NATIVE',
  trade_state: 'SUCCESS',
  success_time: '2026-11-28T14:05:00+08:00',
  amount: { total: 100, payer_total: 100, currency: 'CNY', payer_currency: 'CNY' },
}

function callback(resource: object, eventType = 'TRANSACTION.SUCCESS') {
  const body = JSON.stringify({
    id: 'EV-2018022511223320873',
    create_time: '2026-11-28T14:05:01+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: '支付成功',
    resource,
  })
  return { body, headers: platformHeaders(body, NOW_S, 'CALLBACKNONCE') }
}

describe('WeChat Pay API v3 callbacks', () => {
  it('verifies and decrypts a payment callback into a payment.succeeded event', async () => {
    const { body, headers } = callback(encryptResource(paidResource))
    expect(await makeProvider().parseNotification(headers, body)).toEqual({
      kind: 'payment.succeeded',
      outTradeNo: order.outTradeNo,
      providerTransactionId: '4200000001202611280000000001',
      amountFen: 100,
      occurredAt: '2026-11-28T06:05:00.000Z',
    })
  })

  it('reads headers whatever their case, as node delivers them lowercased', async () => {
    const { body, headers } = callback(encryptResource(paidResource))
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
    expect(await makeProvider().parseNotification(lower, body)).toMatchObject({
      kind: 'payment.succeeded',
    })
  })

  it('gives the same event for a replayed callback', async () => {
    const { body, headers } = callback(encryptResource(paidResource))
    const provider = makeProvider()
    expect(await provider.parseNotification(headers, body)).toEqual(
      await provider.parseNotification(headers, body),
    )
  })

  it('rejects a callback whose body was changed', async () => {
    const { body, headers } = callback(encryptResource(paidResource))
    const changed = body.replace('支付成功', '支付成功 ')
    await expect(makeProvider().parseNotification(headers, changed)).rejects.toMatchObject({
      problem: 'bad-signature',
    })
  })

  it('rejects a callback signed with another key', async () => {
    const { body } = callback(encryptResource(paidResource))
    const forger = makeTestKeyPair()
    const signature = sign(
      'sha256',
      Buffer.from(`${NOW_S}\nN\n${body}\n`),
      forger.privateKey,
    ).toString('base64')
    const headers = {
      'Wechatpay-Timestamp': NOW_S,
      'Wechatpay-Nonce': 'N',
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial': PUBLIC_KEY_ID,
    }
    await expect(makeProvider().parseNotification(headers, body)).rejects.toMatchObject({
      problem: 'bad-signature',
    })
  })

  it('rejects a callback signed by a key id it does not know', async () => {
    const { body, headers } = callback(encryptResource(paidResource))
    await expect(
      makeProvider().parseNotification(
        { ...headers, 'Wechatpay-Serial': 'PUB_KEY_ID_OTHER' },
        body,
      ),
    ).rejects.toMatchObject({ problem: 'unknown-key' })
  })

  it('rejects a callback signed more than five minutes ago', async () => {
    const body = callback(encryptResource(paidResource)).body
    const stale = platformHeaders(body, String(NOW_MS / 1000 - 301), 'OLD')
    await expect(makeProvider().parseNotification(stale, body)).rejects.toMatchObject({
      problem: 'stale-timestamp',
    })
    const recent = platformHeaders(body, String(NOW_MS / 1000 - 299), 'RECENT')
    expect(await makeProvider().parseNotification(recent, body)).toMatchObject({
      kind: 'payment.succeeded',
    })
  })

  it('rejects a callback without signature headers', async () => {
    const { body } = callback(encryptResource(paidResource))
    await expect(makeProvider().parseNotification({}, body)).rejects.toMatchObject({
      problem: 'missing',
    })
  })

  it('refuses a resource encrypted with another APIv3 key', async () => {
    const { body, headers } = callback(
      encryptResource(paidResource, 'ffffffffffffffffffffffffffffffff'),
    )
    await expect(makeProvider().parseNotification(headers, body)).rejects.toThrow(
      PaymentNotificationError,
    )
  })

  it('refuses a resource whose associated data was changed', async () => {
    const resource = { ...encryptResource(paidResource), associated_data: 'refund' }
    const { body, headers } = callback(resource)
    await expect(makeProvider().parseNotification(headers, body)).rejects.toThrow(
      PaymentNotificationError,
    )
  })

  it('refuses a signed body that is not a notification', async () => {
    const body = '{"hello":"world"}'
    await expect(makeProvider().parseNotification(platformHeaders(body), body)).rejects.toThrow(
      PaymentNotificationError,
    )
  })

  it('reads refund callbacks, successful and abnormal', async () => {
    const refund = {
      mchid: MCH_ID,
      out_trade_no: order.outTradeNo,
      transaction_id: '4200000001202611280000000001',
      out_refund_no: 'RF1',
      refund_id: '50000000382019052709732678859',
      refund_status: 'SUCCESS',
      success_time: '2026-11-28T14:10:00+08:00',
      amount: { total: 100, refund: 40, payer_total: 100, payer_refund: 40 },
    }
    const succeeded = callback(
      encryptResource(refund, API_V3_KEY, 'refundnonce1', 'refund'),
      'REFUND.SUCCESS',
    )
    expect(await makeProvider().parseNotification(succeeded.headers, succeeded.body)).toEqual({
      kind: 'refund.succeeded',
      outTradeNo: order.outTradeNo,
      outRefundNo: 'RF1',
      providerTransactionId: '4200000001202611280000000001',
      providerRefundId: '50000000382019052709732678859',
      amountFen: 40,
      occurredAt: '2026-11-28T06:10:00.000Z',
    })
    // An abnormal refund has no success_time: the event takes the notification's create_time.
    const abnormalRefund: Record<string, unknown> = { ...refund, refund_status: 'ABNORMAL' }
    delete abnormalRefund.success_time
    const abnormal = callback(encryptResource(abnormalRefund), 'REFUND.ABNORMAL')
    expect(await makeProvider().parseNotification(abnormal.headers, abnormal.body)).toMatchObject({
      kind: 'refund.failed',
      occurredAt: '2026-11-28T06:05:01.000Z',
    })
  })

  it('answers WeChat Pay 204 when handled and a FAIL body otherwise', () => {
    expect(makeProvider().notificationReply(true)).toEqual({ status: 204, body: '' })
    expect(makeProvider().notificationReply(false)).toMatchObject({
      status: 500,
      body: '{"code":"FAIL","message":"失败"}',
    })
  })
})
