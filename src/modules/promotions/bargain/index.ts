// What the server may use of 砍价 (SVC-3).
export { bargainRoutes, type BargainRoutesOptions } from './routes.js'
export { expireBargains } from './expire-bargains.js'
export { bargainHooks } from './bargain-orders.js'
export { planCuts } from './plan-cuts.js'
export type { BargainTables } from './schema.js'
// What the demo seed uses to set up a bargain the way the console does.
export { createActivity } from './activities.js'
