// What the server may use of 团购 (SVC-3).
export { bulkBuyRoutes, type BulkBuyRoutesOptions } from './routes.js'
export { settleBulkCampaigns } from './settle-campaigns.js'
export { bulkBuyHooks } from './bulk-hooks.js'
export type { BulkBuyTables } from './schema.js'
