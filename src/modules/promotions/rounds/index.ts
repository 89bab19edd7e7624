// The background rounds that span promotions: 砍价 and 团购 run together.
export {
  bargainBulkRounds,
  runBargainBulkRound,
  startBargainBulkWorker,
} from './bargain-bulk-worker.js'
