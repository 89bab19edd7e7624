import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { bulkBuyListingRoutes } from './shop-listing-routes.js'
import { bulkBuyShopRoutes, type BulkBuyShopRoutesOptions } from './shop-routes.js'
import { bulkBuyStaffRoutes } from './staff-routes.js'

// 团购 over HTTP: operators manage campaigns (staff-routes.ts); consumers find open campaigns
// (shop-listing-routes.ts), join them and follow the live progress (shop-routes.ts).

export type BulkBuyRoutesOptions = BulkBuyShopRoutesOptions

export const bulkBuyRoutes: FastifyPluginAsyncTypebox<BulkBuyRoutesOptions> = async (
  app,
  { db, payments, notifyUrl },
) => {
  await app.register(bulkBuyListingRoutes, { db })
  await app.register(bulkBuyStaffRoutes, { db })
  await app.register(bulkBuyShopRoutes, { db, payments, notifyUrl })
}
