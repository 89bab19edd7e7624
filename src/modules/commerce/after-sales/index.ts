// After-sales requests and complaints (GOV-2).
export { escalateOverdue, markAfterSaleRefunded, refundUnconfirmedReturns } from './after-sales.js'
export { afterSalesRoutes } from './after-sales-routes.js'
export { shopAfterSalesRoutes } from './shop-after-sales-routes.js'
export type { AfterSalesTables, AfterSaleStatus } from './after-sales-schema.js'
