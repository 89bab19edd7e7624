import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../../db/database.js'
import { systemActor } from '../../../platform/http/index.js'
import { type PeriodicJob, startPeriodicJob } from '../../../platform/jobs/index.js'
import { nowIso } from '../../../shared/clock.js'
import { expireBargains } from '../bargain/index.js'
import { settleBulkCampaigns } from './settle-campaigns.js'

/** The rounds of 砍价 and 团购: expire bargains, settle closed campaigns (safe on every node). */
export async function runBargainBulkRound(db: Db, now: string = nowIso()) {
  const bargains = await expireBargains(db, systemActor('bargains'), now)
  const campaigns = await settleBulkCampaigns(db, systemActor('bulk-buys'), now)
  return { ...bargains, ...campaigns }
}

export const startBargainBulkWorker = (
  db: Db,
  log: FastifyBaseLogger,
  intervalMs = 10_000,
): PeriodicJob =>
  startPeriodicJob('bargains-bulk-buys', intervalMs, () => runBargainBulkRound(db), log)
