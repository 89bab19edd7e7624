// Commerce's front door (issues 4 and 13): what other modules and the server may use. No code
// here; each sub-folder's index.ts says what it offers.
export * from './catalog/index.js'
export * from './media/index.js'
export { refreshSearchText, sanitizeRichText } from './search/index.js'
export type * from './shops/index.js'
export type * from './brand/index.js'
export * from './orders/index.js'
export { LOGIN_CODE_LIMITS, type LoginCodeLimits } from './customers/index.js'
export {
  localPayments,
  providerPayments,
  readPaymentConfig,
  type ConfiguredPayments,
  type PaymentConfig,
  type PaymentProvider,
  type SentCallback,
} from './payments/index.js'
export {
  isOpenStore,
  locationNames,
  receiveStock,
  skusForSale,
  type SkuForSale,
} from './stock/index.js'
export * from './wiring/index.js'
