import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { bargainShopRoutes, type BargainShopRoutesOptions } from './shop-routes.js'
import { bargainListingRoutes } from './shop-listing-routes.js'
import { bargainStaffRoutes } from './staff-routes.js'

// 砍价 over HTTP: operators manage activities (staff-routes.ts); consumers find running
// activities (shop-listing-routes.ts), launch, help and buy (shop-routes.ts).

export type BargainRoutesOptions = BargainShopRoutesOptions

export const bargainRoutes: FastifyPluginAsyncTypebox<BargainRoutesOptions> = async (
  app,
  { db, payments, notifyUrl, promotionHooks },
) => {
  await app.register(bargainListingRoutes, { db })
  await app.register(bargainStaffRoutes, { db })
  await app.register(bargainShopRoutes, { db, payments, notifyUrl, promotionHooks })
}
