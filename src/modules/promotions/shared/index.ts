// Shapes every promotion shares: share links' tables and HTTP schemas, SKU labels. Schemas
// only, no queries, so schema files (and the web, which imports their types) can use them.
export * from './share-schema.js'
export * from './sku-label-schema.js'
