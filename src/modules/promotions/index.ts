// What the server may use of the promotions (SVC-3).
export {
  flashSaleContext,
  flashSaleHooks,
  flashSaleRoutes,
  runFlashSaleRound,
  startFlashSaleWorker,
} from './flash-sale/index.js'
export { expireTeams, startTeamBuyWorker, teamBuyHooks, teamBuyRoutes } from './team-buy/index.js'
export { bargainHooks, bargainRoutes, expireBargains } from './bargain/index.js'
export { bulkBuyHooks, bulkBuyRoutes, settleBulkCampaigns } from './bulk-buy/index.js'
export { eventRoutes } from './events/index.js'
export { bargainBulkRounds, runBargainBulkRound, startBargainBulkWorker } from './rounds/index.js'
export { skuLabelRoutes } from './skus/index.js'

// What the demo seed uses: the services behind the operator's console.
export { createActivity as createBargainActivity } from './bargain/index.js'
export {
  createActivity as createTeamActivity,
  setActivityStatus as setTeamActivityStatus,
} from './team-buy/index.js'
export { createCampaign } from './bulk-buy/index.js'
export { createEvent, recordEventResults } from './events/index.js'
export { createSession, scheduleSession } from './flash-sale/index.js'
