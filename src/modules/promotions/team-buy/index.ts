// What the server may use of 拼团 (SVC-3).
export { teamBuyRoutes, type TeamBuyRoutesOptions } from './routes.js'
export { expireTeams, startTeamBuyWorker } from './expire-teams.js'
export type { TeamBuyTables } from './schema.js'
export { teamBuyHooks } from './team-hooks.js'
// What the demo seed uses to set up a team buy the way the console does.
export { createActivity, setActivityStatus } from './activities.js'
