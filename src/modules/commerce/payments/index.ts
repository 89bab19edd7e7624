// Payments, one home (issue 4): applying what the provider says, the callback routes, recovery
// of lost callbacks, refunds, the daily reconciliation, the configuration and the providers
// (providers/). Knows nothing of orders: what an event means for them is a PaymentListener.
export * from './providers/index.js'
export {
  localNotifySecret,
  localPayments,
  providerPayments,
  type ConfiguredPayments,
  type SentCallback,
} from './configured-payments.js'
export { closeAtProvider, paidEventOf } from './payment-closing.js'
export { readPaymentConfig, type PaymentConfig } from './payment-config.js'
export { RECOVERY_GRACE_S, recoverUnfinishedPayments } from './payment-recovery.js'
export { paymentRoutes, type PaymentRoutesOptions } from './payment-routes.js'
export type { PaymentTable, PaymentTables, RefundTable } from './payment-tables.js'
export {
  applyPaymentEvent,
  markPaymentClosed,
  type PaymentListener,
  type PaymentOutcome,
} from './payments.js'
export { reconciliationRoutes } from './reconciliation-routes.js'
export type { Reconciliation, ReconciliationRow } from './payment-schema.js'
export { checkRefundable, createRefund, refundableFen, submitPendingRefunds } from './refunds.js'
