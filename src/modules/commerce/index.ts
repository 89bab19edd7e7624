// What other modules and the server may use of commerce's catalog (BR-1, MKT-1).
export { catalogRoutes, type CatalogRoutesOptions } from './catalog-routes.js'
export { createMediaStorage, readMediaConfig, type MediaConfig } from './media-config.js'
export { DiskMediaStorage, MemoryMediaStorage, type MediaStorage } from './media-storage.js'
export { S3MediaStorage } from './s3-media-storage.js'
export { refreshSearchText } from './search-text.js'
export { sanitizeRichText } from './rich-text.js'
export type * from './catalog-schema.js'

// What the promotions show of the SKUs and products they sell (issue 13).
export { productTitles, skuIdsOfProduct, skuLabels, type SkuLabel } from './sku-labels.js'
