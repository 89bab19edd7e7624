// SVC-4 offline promotion events.
export { eventRoutes } from './routes.js'
export type { EventTables } from './schema.js'
