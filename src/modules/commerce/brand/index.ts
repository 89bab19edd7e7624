// The county brand, its series and the licences to sell under it (BR-1).
export { holdsValidLicense } from './brand-licenses.js'
export { brandRoutes } from './brand-routes.js'
export { Brand } from './brand-schema.js'
export type * from './brand-schema.js'
export { findSeries, getBrand, listBrands, SERIES } from './brands.js'
