// What each shop is owed, per day (payouts).
export { payoutRoutes } from './payout-routes.js'
