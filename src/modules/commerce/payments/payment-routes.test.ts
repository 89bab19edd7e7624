import { sign } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../../server/build-app.js'
import { localNotifySecret } from './configured-payments.js'
import { createTestDb } from '../../../test/test-db.js'
import { AlipayProvider, WechatPayV3Provider, localSignatureHeaders } from './providers/index.js'
import type { PaymentProvider } from './providers/index.js'
import { makeTestKeyPair } from './providers/test-keys.js'
import { placeAndPay, sellableSku, signInCustomer } from '../orders/test-support.js'
import { ordersApp } from '../../../test/fixtures.js'

// Issue 12: a notification that is not the provider's (bad signature) or is too old to trust
// (stale timestamp) is refused with 401 and the provider's own FAIL answer, never a 500.

const SESSION_SECRET = 'test-secret-that-is-long-enough-0123456789'
const NOTIFY = '/api/commerce/shop/payments/notify'
const platform = makeTestKeyPair()
const stranger = makeTestKeyPair()
const merchant = makeTestKeyPair()
const PUBLIC_KEY_ID = 'PUB_KEY_ID_0119000000012025112800000000000001'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.()
})

async function appWith(provider?: PaymentProvider) {
  const handle = await createTestDb()
  const app = await buildApp({
    db: handle.db,
    sessionSecret: SESSION_SECRET,
    ...(provider ? { payments: { provider, notifyUrl: 'https://shop.example/notify' } } : {}),
  })
  closers.push(async () => {
    await app.close()
    await handle.destroy()
  })
  return app
}

/** WeChat Pay's callback headers: SHA256withRSA over `timestamp\nnonce\nbody\n`. */
function wechatHeaders(body: string, key: typeof platform, timestampS: number) {
  const timestamp = String(timestampS)
  const nonce = 'NOTIFYNONCE'
  return {
    'content-type': 'application/json',
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-serial': PUBLIC_KEY_ID,
    'wechatpay-signature': sign(
      'sha256',
      Buffer.from(`${timestamp}\n${nonce}\n${body}\n`),
      key.privateKey,
    ).toString('base64'),
  }
}

const nowS = () => Math.floor(Date.now() / 1000)
const wechatBody = JSON.stringify({ id: 'EV-1', event_type: 'TRANSACTION.SUCCESS', resource: {} })

describe('payment notifications that cannot be trusted (issue 12)', () => {
  it('answers WeChat Pay 401 with its FAIL body for a bad signature or a stale timestamp', async () => {
    const app = await appWith(
      new WechatPayV3Provider({
        mchId: '1900000001',
        appId: 'wx0000000000000001',
        merchantSerialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
        merchantPrivateKey: merchant.privatePem,
        apiV3Key: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
        platformPublicKeys: { [PUBLIC_KEY_ID]: platform.publicPem },
      }),
    )
    for (const headers of [
      wechatHeaders(wechatBody, stranger, nowS()),
      wechatHeaders(wechatBody, platform, nowS() - 400),
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: `${NOTIFY}/wechat-pay`,
        headers,
        payload: wechatBody,
      })
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ code: 'FAIL', message: '失败' })
    }
  })

  it('answers Alipay 401 with plain fail for a notification it did not sign', async () => {
    const app = await appWith(
      new AlipayProvider({
        appId: '2021000000000001',
        appPrivateKey: merchant.privatePem,
        alipayPublicKey: platform.publicPem,
      }),
    )
    const params = new URLSearchParams({
      app_id: '2021000000000001',
      out_trade_no: 'CT20261207000001',
      trade_no: '2026120722001400001',
      trade_status: 'TRADE_SUCCESS',
      total_amount: '18.00',
      notify_time: '2026-12-07 14:00:00',
      sign_type: 'RSA2',
    })
    params.set(
      'sign',
      sign('sha256', Buffer.from(params.toString()), stranger.privateKey).toString('base64'),
    )
    const response = await app.inject({
      method: 'POST',
      url: `${NOTIFY}/alipay`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: params.toString(),
    })
    expect(response.statusCode).toBe(401)
    expect(response.body).toBe('fail')
  })

  it('answers the local stand-in 401 with its FAIL body for a bad signature or a stale timestamp', async () => {
    const app = await appWith()
    const body = JSON.stringify({
      id: 'payment.succeeded:CT20261207000002',
      event: {
        kind: 'payment.succeeded',
        outTradeNo: 'CT20261207000002',
        providerTransactionId: 'LOCAL1',
        amountFen: 100,
        occurredAt: new Date().toISOString(),
      },
    })
    const secret = localNotifySecret(SESSION_SECRET)
    for (const headers of [
      localSignatureHeaders('a-secret-that-is-not-the-apps', Date.now(), body),
      localSignatureHeaders(secret, Date.now() - 400_000, body),
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: `${NOTIFY}/local`,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: body,
      })
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ code: 'FAIL', message: '失败' })
    }
    // Correctly signed and fresh, it is accepted (there is just no such payment here).
    const fresh = await app.inject({
      method: 'POST',
      url: `${NOTIFY}/local`,
      headers: {
        ...localSignatureHeaders(secret, Date.now(), body),
        'content-type': 'application/json',
      },
      payload: body,
    })
    expect(fresh.statusCode).toBe(204)
  })
})

describe('the local stand-in delivering into the app (issue 12)', () => {
  it('sends a payment callback once when the app answers that it was handled', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId } = await sellableSku(t, { priceFen: 900, stock: 1, locationId: places.storeId })
    const buyer = await signInCustomer(t, '13800005656')
    await placeAndPay(t, buyer, {
      skuId,
      quantity: 1,
      delivery: 'store_pickup',
      pickupLocationId: places.storeId,
    })
    // Past the first retry delay (1 s): a delivery taken for failed would go out again.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await t.payments.localGateway?.notifier.deliverDue()
    expect(t.sentCallbacks.filter((c) => c.body.includes('payment.succeeded'))).toHaveLength(1)
  })
})
