// Where commerce's parts meet: the order and payment routes with the payment worker, and what a
// payment's events mean for orders and after-sales.
export { applyPaymentEvent, commercePaymentListener } from './payment-listener.js'
export { runPaymentRound, startPaymentWorker } from './payment-worker.js'
export { orderRoutes, type OrderRoutesOptions } from './order-routes.js'
