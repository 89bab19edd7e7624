// The payment library's public surface: what the commerce module (routes, order service) uses.
export type * from './provider.js'
export {
  PaymentNotificationError,
  PaymentProviderError,
  PaymentSignatureError,
  PaymentTransportError,
  type PaymentRefusal,
  type SignatureProblem,
} from './errors.js'
export {
  WECHAT_PAY_BASE_URL,
  WechatPayV3Provider,
  type WechatPayV3Config,
} from './wechat-pay-v3.js'
export { ALIPAY_GATEWAY_URL, AlipayProvider, type AlipayConfig } from './alipay.js'
export {
  LocalPaymentProvider,
  type LocalPaymentConfig,
  type LocalPayPage,
} from './local-provider.js'
export {
  InMemoryLocalGatewayStore,
  type LocalDelivery,
  type LocalGatewayStore,
  type LocalRefund,
  type LocalTrade,
} from './local-gateway-store.js'
export { ManualTimer, systemDeliveryTimer, type DeliveryTimer } from './delivery-timer.js'
export {
  LOCAL_DELIVERY_CONCURRENCY,
  LOCAL_RETRY_DELAYS_S,
  localSignatureHeaders,
} from './local-notifier.js'
export { DatabaseLocalGatewayStore } from './local-gateway-db-store.js'
export type { LocalGatewayTables } from './local-gateway-tables.js'
