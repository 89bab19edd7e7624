// Orders: cart, checkout, the orders and their lifecycle, addresses, pickup, shipping as parcels,
// expiry, the promotion hooks (issue 4). What the rest of commerce, the promotions (SVC-3) and
// the server may use.
export { buyerIdOf } from './buyer.js'
export { cartRoutes } from './cart-routes.js'
export { checkout, payFreeOrder, PAYMENT_WINDOW_S, type CheckoutPromotion } from './checkout.js'
export { customerRoutes, type CustomerRoutesOptions } from './customer-routes.js'
export { expireUnpaidPayments } from './order-expiry.js'
export { fulfilPaidOrder } from './order-fulfilment.js'
export { newOrderNumber } from './order-numbers.js'
export { orderPaymentListener } from './order-payments.js'
export { REFUNDABLE_STATUSES, startRefund } from './order-refunds.js'
export {
  hasPaidOrder,
  ordersById,
  paidPromotionOrders,
  paymentIdOfOrder,
  paymentPaidAt,
} from './order-lookups.js'
export { ordersOf } from './order-rows.js'
export {
  CheckoutResult,
  CodeLoginBody,
  CounterSaleBody,
  Customer,
  LoginCodeBody,
  LoginCodeChallenge,
  LoginCodeSent,
  Order,
  PayAction,
  PaymentInfo,
} from './order-schema.js'
export { moveOrderWithParcel } from './order-shipping.js'
export type { OrderStatus, OrderTables, PromotionKind, ShopOrderTable } from './order-tables.js'
export { toOrders, toPaymentInfo } from './order-views.js'
export { payActionFor } from './pay-action.js'
export { pickupRoutes } from './pickup-routes.js'
export {
  assertPromotionAllowsRefund,
  createPromotionHookRegistry,
  type PromotionHookRegistry,
  type PromotionHooks,
} from './promotion-hooks.js'
export { staffOrderRoutes } from './staff-routes.js'
export { handleUncollected } from './uncollected.js'
// Still named here so the promotions' imports stay as they were.
export { refundableFen } from '../payments/index.js'
