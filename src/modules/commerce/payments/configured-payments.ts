import { createHmac } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../../db/database.js'
import {
  AlipayProvider,
  DatabaseLocalGatewayStore,
  LocalPaymentProvider,
  WechatPayV3Provider,
  type PaymentProvider,
} from './providers/index.js'
import type { PaymentConfig } from './payment-config.js'

export interface ConfiguredPayments {
  provider: PaymentProvider
  /** Where the provider posts callbacks: an absolute URL it can reach. */
  notifyUrl: string
  /** The local stand-in, whose pay page the app serves. */
  localGateway?: LocalPaymentProvider
}

/** A callback as the local gateway sent it: tests replay the very same bytes. */
export interface SentCallback {
  url: string
  headers: Record<string, string>
  body: string
}

const NOTIFY_PATH = '/api/commerce/shop/payments/notify/local'

/** The local stand-in's callback secret, derived from the session secret. */
export const localNotifySecret = (sessionSecret: string): string =>
  createHmac('sha256', sessionSecret).update('local-payments').digest('hex')

/**
 * The local payment stand-in. Its callbacks are real HTTP requests through the app's full
 * request pipeline (routing, parsing, signature check), injected rather than sent over a socket,
 * so they work whatever host, port or proxy the app sits behind. The gateway's state (trades,
 * refunds, the callback outbox) is in the database: it survives a restart, and several app nodes
 * share it, each callback claimed by one node at a time.
 */
export function localPayments(
  app: () => FastifyInstance,
  db: Db,
  sessionSecret: string,
  sent?: SentCallback[],
): ConfiguredPayments {
  const provider = new LocalPaymentProvider({
    notifySecret: localNotifySecret(sessionSecret),
    store: new DatabaseLocalGatewayStore(db),
    payPageUrl: '/h5/pay/{token}',
    onDeliveryError: (error) => {
      app().log.error({ err: error }, 'local payment callback delivery failed; it will be retried')
    },
    fetch: async (input, init) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      )
      const callback: SentCallback = {
        url: `${url.pathname}${url.search}`,
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
        body: typeof init?.body === 'string' ? init.body : '',
      }
      sent?.push(callback)
      const response = await app().inject({
        method: 'POST',
        url: callback.url,
        headers: callback.headers,
        payload: callback.body,
      })
      // A 204 (how the app says "handled") must have no body, or Response refuses it and the
      // gateway would take the success for a failure and send the callback again and again.
      const empty = [204, 205, 304].includes(response.statusCode)
      return new Response(empty ? null : response.body, { status: response.statusCode })
    },
  })
  return { provider, notifyUrl: `http://local${NOTIFY_PATH}`, localGateway: provider }
}

/** WeChat Pay or Alipay as configured; their callbacks come to PUBLIC_BASE_URL. */
export function providerPayments(
  config: Exclude<PaymentConfig, { provider: 'local' }>,
): ConfiguredPayments {
  const notifyUrl = `${config.publicBaseUrl.replace(/\/$/, '')}/api/commerce/shop/payments/notify/${config.provider}`
  if (config.provider === 'alipay') {
    return {
      notifyUrl,
      provider: new AlipayProvider({
        appId: config.appId,
        appPrivateKey: config.appPrivateKey,
        alipayPublicKey: config.alipayPublicKey,
        ...(config.sellerId ? { sellerId: config.sellerId } : {}),
        ...(config.gatewayUrl ? { gatewayUrl: config.gatewayUrl } : {}),
        ...(config.quitUrl ? { quitUrl: config.quitUrl } : {}),
      }),
    }
  }
  return {
    notifyUrl,
    provider: new WechatPayV3Provider({
      mchId: config.mchId,
      appId: config.appId,
      merchantSerialNo: config.merchantSerialNo,
      merchantPrivateKey: config.merchantPrivateKey,
      apiV3Key: config.apiV3Key,
      platformPublicKeys: config.platformPublicKeys,
      ...(config.wechatpayPublicKeyId ? { wechatpayPublicKeyId: config.wechatpayPublicKeyId } : {}),
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    }),
  }
}
