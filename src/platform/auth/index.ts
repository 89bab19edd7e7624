// What other folders may use of auth: sessions, API tokens, the authentication hook, /api/auth.
// Direction: auth depends on accounts (users, memberships, organizations, password hashes);
// accounts never imports auth. Accounts ends sessions through its RevokeSessions, which
// server/build-app.ts wires to revokeSessionsOf here.
export { apiTokenRoutes } from './api-token-routes.js'
export { registerAuthentication } from './authenticate.js'
export { createPrincipalCache, type PrincipalCache } from './principal-cache.js'
export { createSession, revokeSessionsOf } from './principals.js'
export { authRoutes } from './routes.js'
export type { AuthTables } from './schema.js'
export { setSessionCookie } from './session-cookie.js'
