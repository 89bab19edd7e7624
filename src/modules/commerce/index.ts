// What other modules and the server may use of commerce's catalog (BR-1, MKT-1).
export { catalogRoutes, type CatalogRoutesOptions } from './catalog/catalog-routes.js'
export { createMediaStorage, readMediaConfig, type MediaConfig } from './media/media-config.js'
export { DiskMediaStorage, MemoryMediaStorage, type MediaStorage } from './media/media-storage.js'
export { S3MediaStorage } from './media/s3-media-storage.js'
export { refreshSearchText } from './search/search-text.js'
export { sanitizeRichText } from './search/rich-text.js'
export type * from './catalog/catalog-schema.js'
