// What the server may use of 团购 (SVC-3).
export { bulkBuyRoutes, type BulkBuyRoutesOptions } from './routes.js'
export { settleBulkCampaigns } from './settle-campaigns.js'
export { bulkBuyHooks } from './bulk-hooks.js'
export type { BulkBuyTables } from './schema.js'
// What the demo seed uses to set up a campaign the way the console does.
export { createCampaign } from './campaigns.js'
