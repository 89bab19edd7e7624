import { sign, verify } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { extractSignedJson } from './alipay-sign.js'
import { AlipayProvider } from './alipay.js'
import { PaymentProviderError } from './errors.js'
import { makeTestKeyPair, type TestKeyPair } from './test-keys.js'

// A fake Alipay gateway on 127.0.0.1: it checks our RSA2 signature as Alipay documents it
// (written here independently of the adapter) and signs its answers with an "Alipay" key.

const NOW_MS = Date.parse('2026-11-28T06:00:00Z')
const APP_ID = '2021000000000001'

let app: TestKeyPair
let alipay: TestKeyPair
let server: Server
let gatewayUrl: string
let received: Record<string, string>[]
let answers: Map<
  string,
  { response: Record<string, unknown>; unsigned?: boolean; tamper?: boolean }
>

/** Alipay's sign content, spelled out: sorted keys, non-empty values, without the excluded. */
const signContent = (params: Record<string, string>, exclude: string[]) =>
  Object.keys(params)
    .filter((key) => params[key] !== '' && !exclude.includes(key))
    .sort()
    .map((key) => `${key}=${params[key] ?? ''}`)
    .join('&')

const rsa2 = (content: string, key: TestKeyPair) =>
  sign('sha256', Buffer.from(content, 'utf8'), key.privateKey).toString('base64')

const holds = (params: Record<string, string>) =>
  verify(
    'sha256',
    Buffer.from(signContent(params, ['sign']), 'utf8'),
    app.publicKey,
    Buffer.from(params.sign ?? '', 'base64'),
  )

beforeAll(async () => {
  app = makeTestKeyPair()
  alipay = makeTestKeyPair()
  server = createServer((request, response) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (text += chunk))
    request.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(text))
      received.push(params)
      const method = params.method ?? ''
      const key = `${method.replaceAll('.', '_')}_response`
      const answer = holds(params)
        ? (answers.get(method) ?? {
            response: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.UNKNOWN' },
          })
        : {
            response: {
              code: '40002',
              msg: 'Invalid Arguments',
              sub_code: 'isv.invalid-signature',
            },
            unsigned: true,
          }
      // Spacing on purpose: the signature covers these exact bytes, not a re-serialisation.
      const inner = JSON.stringify(answer.response, null, 1)
      const signature = rsa2(inner, alipay)
      const sent = answer.tamper ? inner.replace('"100.00"', '"1.00"') : inner
      response.writeHead(200, { 'Content-Type': 'text/html;charset=utf-8' })
      response.end(`{"${key}":${sent}${answer.unsigned ? '' : `,"sign":"${signature}"`}}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gateway.do`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

beforeEach(() => {
  received = []
  answers = new Map()
})

const bare = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '')

const makeProvider = () =>
  new AlipayProvider({
    appId: APP_ID,
    appPrivateKey: app.privatePem,
    // Alipay's console hands out bare base64 keys; the adapter takes either form.
    alipayPublicKey: bare(alipay.publicPem),
    gatewayUrl,
    sellerId: '2088000000000001',
    quitUrl: 'https://shop.example/cart',
    now: () => NOW_MS,
  })

const order = {
  outTradeNo: 'CT20261128000002',
  amountFen: 10000,
  description: '灵丘苦荞 1kg',
  notifyUrl: 'https://shop.example/api/payments/alipay/notify',
  expiresAt: '2026-11-28T06:30:00.000Z',
}

describe('Alipay OpenAPI requests', () => {
  it('builds a signed wap pay URL Alipay can verify', async () => {
    const action = await makeProvider().createPayment({
      ...order,
      channel: {
        kind: 'h5',
        payerClientIp: '203.0.113.9',
        returnUrl: 'https://shop.example/orders/2',
      },
    })
    if (action.kind !== 'redirect') throw new Error(`expected a redirect, got ${action.kind}`)
    const url = new URL(action.url)
    expect(`${url.origin}${url.pathname}`).toBe(gatewayUrl)
    const params = Object.fromEntries(url.searchParams)
    expect(holds(params)).toBe(true)
    expect(params).toMatchObject({
      app_id: APP_ID,
      method: 'alipay.trade.wap.pay',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: '2026-11-28 14:00:00',
      version: '1.0',
      notify_url: order.notifyUrl,
      return_url: 'https://shop.example/orders/2',
    })
    expect(JSON.parse(params.biz_content ?? '')).toEqual({
      out_trade_no: order.outTradeNo,
      total_amount: '100.00',
      subject: '灵丘苦荞 1kg',
      time_expire: '2026-11-28 14:30:00',
      product_code: 'QUICK_WAP_WAY',
      quit_url: 'https://shop.example/cart',
    })
    expect(
      holds({ ...params, biz_content: (params.biz_content ?? '').replace('100.00', '1.00') }),
    ).toBe(false)
  })

  it('queries a paid trade and verifies the signed answer', async () => {
    answers.set('alipay.trade.query', {
      response: {
        code: '10000',
        msg: 'Success',
        trade_no: '2026112822001400000000000001',
        out_trade_no: order.outTradeNo,
        trade_status: 'TRADE_SUCCESS',
        total_amount: '100.00',
        send_pay_date: '2026-11-28 14:05:00',
      },
    })
    expect(await makeProvider().queryPayment(order.outTradeNo)).toEqual({
      outTradeNo: order.outTradeNo,
      status: 'succeeded',
      amountFen: 10000,
      providerTransactionId: '2026112822001400000000000001',
      paidAt: '2026-11-28T06:05:00.000Z',
      providerState: 'TRADE_SUCCESS',
    })
    expect(received[0]).toMatchObject({ method: 'alipay.trade.query', app_id: APP_ID })
    expect(JSON.parse(received[0]?.biz_content ?? '')).toEqual({ out_trade_no: order.outTradeNo })
  })

  it('refuses an answer changed after Alipay signed it', async () => {
    answers.set('alipay.trade.query', {
      tamper: true,
      response: {
        code: '10000',
        msg: 'Success',
        trade_no: 'T1',
        out_trade_no: order.outTradeNo,
        trade_status: 'TRADE_SUCCESS',
        total_amount: '100.00',
      },
    })
    await expect(makeProvider().queryPayment(order.outTradeNo)).rejects.toMatchObject({
      name: 'PaymentSignatureError',
      problem: 'bad-signature',
    })
  })

  it('refuses a successful answer without a signature', async () => {
    answers.set('alipay.trade.close', {
      unsigned: true,
      response: { code: '10000', msg: 'Success' },
    })
    await expect(makeProvider().closePayment(order.outTradeNo)).rejects.toMatchObject({
      problem: 'missing',
    })
  })

  it('closes an unpaid trade', async () => {
    answers.set('alipay.trade.close', {
      response: { code: '10000', msg: 'Success', out_trade_no: order.outTradeNo },
    })
    await makeProvider().closePayment(order.outTradeNo)
    expect(received.map((params) => params.method)).toEqual(['alipay.trade.close'])
  })

  it('reports a trade that cannot be closed because it was paid as already paid', async () => {
    answers.set('alipay.trade.close', {
      response: {
        code: '40004',
        msg: 'Business Failed',
        sub_code: 'ACQ.TRADE_STATUS_ERROR',
        sub_msg: '交易状态不合法',
      },
    })
    answers.set('alipay.trade.query', {
      response: {
        code: '10000',
        msg: 'Success',
        trade_no: 'T1',
        out_trade_no: order.outTradeNo,
        trade_status: 'TRADE_SUCCESS',
        total_amount: '100.00',
      },
    })
    const error = await makeProvider()
      .closePayment(order.outTradeNo)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PaymentProviderError)
    expect(error).toMatchObject({ refusal: 'already-paid', providerCode: 'ACQ.TRADE_STATUS_ERROR' })
  })

  it('reports a trade the payer never opened as not found', async () => {
    answers.set('alipay.trade.close', {
      response: {
        code: '40004',
        msg: 'Business Failed',
        sub_code: 'ACQ.TRADE_NOT_EXIST',
        sub_msg: '交易不存在',
      },
    })
    await expect(makeProvider().closePayment(order.outTradeNo)).rejects.toMatchObject({
      refusal: 'not-found',
      code: 'not_found',
    })
  })

  it('refunds in yuan and reads the refund back in fen', async () => {
    answers.set('alipay.trade.refund', {
      response: {
        code: '10000',
        msg: 'Success',
        trade_no: 'T1',
        out_trade_no: order.outTradeNo,
        refund_fee: '0.10',
        fund_change: 'Y',
        gmt_refund_pay: '2026-11-28 14:10:00',
      },
    })
    answers.set('alipay.trade.fastpay.refund.query', {
      response: {
        code: '10000',
        msg: 'Success',
        trade_no: 'T1',
        out_trade_no: order.outTradeNo,
        out_request_no: 'RF2',
        refund_amount: '0.10',
        total_amount: '100.00',
        refund_status: 'REFUND_SUCCESS',
      },
    })
    const provider = makeProvider()
    const input = {
      outTradeNo: order.outTradeNo,
      outRefundNo: 'RF2',
      refundFen: 10,
      totalFen: 10000,
      reason: '破损',
      notifyUrl: order.notifyUrl,
    }
    expect(await provider.refund(input)).toMatchObject({
      status: 'succeeded',
      refundFen: 10,
      succeededAt: '2026-11-28T06:10:00.000Z',
    })
    expect(JSON.parse(received[0]?.biz_content ?? '')).toEqual({
      out_trade_no: order.outTradeNo,
      refund_amount: '0.10',
      refund_reason: '破损',
      out_request_no: 'RF2',
    })
    expect(await provider.queryRefund(order.outTradeNo, 'RF2')).toMatchObject({
      status: 'succeeded',
      refundFen: 10,
    })
  })

  it('names a refund larger than what is left as amount-exceeded', async () => {
    answers.set('alipay.trade.refund', {
      response: {
        code: '40004',
        msg: 'Business Failed',
        sub_code: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL',
        sub_msg: '退款金额超限',
      },
    })
    const input = {
      outTradeNo: order.outTradeNo,
      outRefundNo: 'RF3',
      refundFen: 10001,
      totalFen: 10000,
      reason: '',
      notifyUrl: order.notifyUrl,
    }
    await expect(makeProvider().refund(input)).rejects.toMatchObject({ refusal: 'amount-exceeded' })
  })

  it('treats an unsigned refusal (our request signature was bad) as a transport failure', async () => {
    const stranger = new AlipayProvider({
      appId: APP_ID,
      appPrivateKey: makeTestKeyPair().privatePem,
      alipayPublicKey: alipay.publicPem,
      gatewayUrl,
      now: () => NOW_MS,
    })
    await expect(stranger.queryPayment(order.outTradeNo)).rejects.toMatchObject({
      name: 'PaymentTransportError',
    })
  })
})

function notification(overrides: Record<string, string> = {}) {
  const params: Record<string, string> = {
    gmt_create: '2026-11-28 14:04:50',
    charset: 'utf-8',
    gmt_payment: '2026-11-28 14:05:00',
    notify_time: '2026-11-28 14:05:01',
    subject: '灵丘苦荞 1kg',
    buyer_id: '2088102122524333',
    invoice_amount: '100.00',
    version: '1.0',
    notify_id: 'ac05099524730693a8b330c5ecf72da9786',
    fund_bill_list: '[{"amount":"100.00","fundChannel":"ALIPAYACCOUNT"}]',
    notify_type: 'trade_status_sync',
    out_trade_no: order.outTradeNo,
    total_amount: '100.00',
    trade_status: 'TRADE_SUCCESS',
    trade_no: '2026112822001400000000000001',
    auth_app_id: APP_ID,
    receipt_amount: '100.00',
    buyer_pay_amount: '100.00',
    app_id: APP_ID,
    seller_id: '2088000000000001',
    ...overrides,
  }
  const signed = { ...params, sign_type: 'RSA2', sign: rsa2(signContent(params, []), alipay) }
  return new URLSearchParams(signed).toString()
}

describe('Alipay asynchronous notifications', () => {
  it('verifies a payment notification and reads it as payment.succeeded', async () => {
    expect(await makeProvider().parseNotification({}, notification())).toEqual({
      kind: 'payment.succeeded',
      outTradeNo: order.outTradeNo,
      providerTransactionId: '2026112822001400000000000001',
      amountFen: 10000,
      occurredAt: '2026-11-28T06:05:00.000Z',
    })
  })

  it('gives the same event for a replayed notification', async () => {
    const body = notification()
    const provider = makeProvider()
    expect(await provider.parseNotification({}, body)).toEqual(
      await provider.parseNotification({}, body),
    )
  })

  it('rejects a notification whose amount was changed', async () => {
    const body = notification().replace('total_amount=100.00', 'total_amount=1.00')
    await expect(makeProvider().parseNotification({}, body)).rejects.toMatchObject({
      problem: 'bad-signature',
    })
  })

  it('rejects a notification signed with another key', async () => {
    const params = new URLSearchParams(notification())
    params.set('sign', rsa2('anything', app))
    await expect(makeProvider().parseNotification({}, params.toString())).rejects.toMatchObject({
      problem: 'bad-signature',
    })
  })

  it('rejects a notification without sign', async () => {
    const params = new URLSearchParams(notification())
    params.delete('sign')
    await expect(makeProvider().parseNotification({}, params.toString())).rejects.toMatchObject({
      problem: 'missing',
    })
  })

  it('refuses a correctly signed notification for another seller', async () => {
    await expect(
      makeProvider().parseNotification({}, notification({ seller_id: '2088999999999999' })),
    ).rejects.toMatchObject({ name: 'PaymentNotificationError' })
  })

  it('reads a closed trade as payment.closed and waiting as nothing to do', async () => {
    expect(
      await makeProvider().parseNotification(
        {},
        notification({
          trade_status: 'TRADE_CLOSED',
          gmt_payment: '',
          gmt_close: '2026-11-28 14:30:00',
        }),
      ),
    ).toMatchObject({
      kind: 'payment.closed',
      occurredAt: '2026-11-28T06:30:00.000Z',
    })
    expect(
      await makeProvider().parseNotification({}, notification({ trade_status: 'WAIT_BUYER_PAY' })),
    ).toBeNull()
  })

  it('leaves refund notifications to the synchronous refund answer', async () => {
    const body = notification({
      trade_status: 'TRADE_CLOSED',
      out_biz_no: 'RF2',
      refund_fee: '100.00',
      gmt_refund: '2026-11-28 14:10:00.123',
    })
    expect(await makeProvider().parseNotification({}, body)).toBeNull()
  })

  it('answers Alipay with success once handled', () => {
    expect(makeProvider().notificationReply(true)).toMatchObject({ status: 200, body: 'success' })
    expect(makeProvider().notificationReply(false).body).not.toBe('success')
  })
})

describe('the signed text of a gateway answer', () => {
  it('is taken byte for byte, braces inside strings included', () => {
    const text =
      '{"alipay_trade_query_response" : {"code":"10000","msg":"a}\\"{b","x":{"y":1}},"sign":"S"}'
    expect(extractSignedJson(text, 'alipay_trade_query_response')).toBe(
      '{"code":"10000","msg":"a}\\"{b","x":{"y":1}}',
    )
    expect(extractSignedJson(text, 'alipay_trade_close_response')).toBeUndefined()
  })
})
