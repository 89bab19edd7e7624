import type { FastifyPluginAsync } from 'fastify'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../../db/database.js'
import { systemActor } from '../../../platform/http/index.js'
import { type PeriodicJob, startPeriodicJob } from '../../../platform/jobs/index.js'
import { nowIso } from '../../../shared/clock.js'
import { expireBargains } from '../bargain/index.js'
import { settleBulkCampaigns } from '../bulk-buy/index.js'
import type { PromotionHookRegistry } from '../../commerce/index.js'

/** The rounds of 砍价 and 团购: expire bargains, settle closed campaigns (safe on every node). */
export async function runBargainBulkRound(
  db: Db,
  hooks: PromotionHookRegistry,
  now: string = nowIso(),
) {
  const bargains = await expireBargains(db, systemActor('bargains'), now)
  const campaigns = await settleBulkCampaigns(db, hooks, systemActor('bulk-buys'), now)
  return { ...bargains, ...campaigns }
}

export const startBargainBulkWorker = (
  db: Db,
  hooks: PromotionHookRegistry,
  log: FastifyBaseLogger,
  intervalMs = 10_000,
): PeriodicJob =>
  startPeriodicJob('bargains-bulk-buys', intervalMs, () => runBargainBulkRound(db, hooks), log, {
    db,
  })

/** Runs the 砍价 and 团购 rounds while the app runs. */
export const bargainBulkRounds: FastifyPluginAsync<{
  db: Db
  promotionHooks: PromotionHookRegistry
}> = async (app, { db, promotionHooks }) => {
  let job: PeriodicJob | undefined
  app.addHook('onReady', async () => {
    job = startBargainBulkWorker(db, promotionHooks, app.log)
  })
  app.addHook('onClose', async () => {
    await job?.stop()
  })
}
