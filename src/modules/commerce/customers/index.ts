// Consumers sign in to the H5 shop with a texted code; the code requests are limited.
export {
  customerUsername,
  logInWithCode,
  sendLoginCode,
  wrongCode,
  type CodeSent,
  type LoginCodeGuard,
} from './customer-auth.js'
export {
  admitLoginCodeRequest,
  LOGIN_CODE_LIMITS,
  newLoginCodeChallenge,
  type ChallengeSolution,
  type LoginCodeLimits,
} from './login-code-guard.js'
export { customerAuthRoutes, type CustomerAuthRoutesOptions } from './customer-auth-routes.js'
export type { CustomerTables } from './customer-schema.js'
