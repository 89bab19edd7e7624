// What the server may use of setup (issue 15): the one-time link, the gate, /api/setup, and the
// setup itself for `npm run setup`.
export { completeSetup, setupFieldErrors } from './complete-setup.js'
export { SetupFields, type SetupInput, type SetupTables } from './schema.js'
export { registerSetupGate } from './setup-gate.js'
export { isSetupRequired, issueSetupToken } from './setup-token.js'
export { setupRoutes } from './routes.js'
