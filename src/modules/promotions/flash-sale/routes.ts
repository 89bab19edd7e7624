import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.js'
import type { PeriodicJob } from '../../../platform/jobs/index.js'
import type { PaymentProvider } from '../../commerce/index.js'
import type { FlashSaleContext } from './sessions.js'
import { flashSaleShopRoutes } from './shop-routes.js'
import { flashSaleStaffRoutes } from './staff-routes.js'
import { startFlashSaleWorker, startHoldPersister } from './worker.js'

// The flash sale (秒杀) over HTTP: the shop's side (shop-routes.ts) and the operators'
// (staff-routes.ts), sharing one stock context (Redis or the database) and the worker.

export interface FlashSaleRoutesOptions {
  db: Db
  /** Where stock is counted (flashSaleContext): shared with the flash sale's order hooks. */
  context: FlashSaleContext
  payments: PaymentProvider
  notifyUrl: string
  /**
   * Run the flash sale worker (hold expiry, session end) and, with Redis, the hold persister
   * while the app runs.
   */
  worker?: boolean
}

export const flashSaleRoutes: FastifyPluginAsyncTypebox<FlashSaleRoutesOptions> = async (
  app,
  { db, context, payments, notifyUrl, worker },
) => {
  if (worker) {
    const jobs: PeriodicJob[] = []
    app.addHook('onReady', async () => {
      jobs.push(startFlashSaleWorker(db, context, app.log))
      if (context.redisStock) jobs.push(startHoldPersister(db, context.redisStock, app.log))
    })
    app.addHook('onClose', async () => {
      await Promise.all(jobs.map((job) => job.stop()))
    })
  }
  await app.register(flashSaleShopRoutes, { db, context, payments, notifyUrl })
  await app.register(flashSaleStaffRoutes, { db, context })
}
