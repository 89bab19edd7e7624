// The catalog (MKT-1): categories, products, SKUs, their images, search and the storefront.
export { catalogRoutes, type CatalogRoutesOptions } from './catalog-routes.js'
export type * from './catalog-schema.js'
// What the promotions show of the SKUs and products they sell (issue 13).
export { productTitles, skuIdsOfProduct, skuLabels, type SkuLabel } from './sku-labels.js'
