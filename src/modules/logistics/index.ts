// What other modules and the server may use of logistics.
export { logisticsRoutes, trackingRoutes } from './routes.js'
export type { LogisticsSiteTable } from './schema.js'
