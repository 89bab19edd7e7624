// The catalog (MKT-1): categories, products, SKUs, their images, search and the storefront.
export { catalogRoutes, type CatalogRoutesOptions } from './catalog-routes.js'
export type * from './catalog-schema.js'
