// What the server may use of 拼团 (SVC-3).
export { teamBuyRoutes, type TeamBuyRoutesOptions } from './routes.js'
export { expireTeams, startTeamBuyWorker } from './expire-teams.js'
export type { TeamBuyTables } from './schema.js'
export { teamBuyHooks } from './team-hooks.js'
