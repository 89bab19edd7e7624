// What other modules and the server may use of logistics.
export { logisticsReportRoutes } from './report-routes.js'
export { logisticsRoutes, trackingRoutes } from './routes.js'
export type { LogisticsSiteTable } from './schema.js'
