// What the server may use of the flash sale (秒杀).
export { flashSaleRoutes, type FlashSaleRoutesOptions } from './routes.js'
export { runFlashSaleRound, startFlashSaleWorker } from './worker.js'
export { expireFlashHolds } from './holds.js'
export { persistAdmissions } from './hold-persister.js'
export { RedisFlashStock } from './redis-stock.js'
export { flashSaleHooks } from './hold-checkout.js'
export {
  createSession,
  flashSaleContext,
  scheduleSession,
  type FlashSaleContext,
} from './sessions.js'
export type { FlashSaleTables } from './schema.js'
