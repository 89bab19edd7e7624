// Shops and their review (BR-1).
export { findShopInScope, resolveShop, SHOP, toShop } from './shops.js'
export { shopRoutes } from './shop-routes.js'
export type * from './shop-schema.js'
