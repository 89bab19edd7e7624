// SVC-4 offline promotion events.
export { eventRoutes } from './routes.js'
export type { EventTables } from './schema.js'
// What the demo seed uses to hold events the way the console does.
export { createEvent, recordEventResults } from './events.js'
