import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PeriodicJob } from '../../../platform/jobs/index.js'
import type { PromotionHookRegistry } from '../../commerce/index.js'
import { activityRoutes } from './activity-routes.js'
import { startTeamBuyWorker } from './expire-teams.js'
import { myTeamRoutes } from './my-team-routes.js'
import { teamShopRoutes, type TeamShopRoutesOptions } from './shop-routes.js'

// 拼团 over HTTP: operators manage activities; buyers open and join teams, see them, and follow
// share links. With `worker`, the expiry round runs in the background of this node.

export type TeamBuyRoutesOptions = TeamShopRoutesOptions & {
  /** Run the expiry round (failing and refunding expired teams) while the app runs. */
  worker?: boolean
  /** Every promotion's order hooks, for the refunds of failed teams. */
  promotionHooks: PromotionHookRegistry
}

export const teamBuyRoutes: FastifyPluginAsyncTypebox<TeamBuyRoutesOptions> = async (
  app,
  { db, payments, notifyUrl, worker, promotionHooks },
) => {
  if (worker) {
    let job: PeriodicJob | undefined
    app.addHook('onReady', async () => {
      job = startTeamBuyWorker(db, promotionHooks, app.log)
    })
    app.addHook('onClose', async () => {
      await job?.stop()
    })
  }
  await app.register(activityRoutes, { db })
  await app.register(teamShopRoutes, { db, payments, notifyUrl })
  await app.register(myTeamRoutes, { db })
}
