// What other folders may use of http: problem+json, validators, shared schemas, Actor and
// withTransaction. The bottom layer of the platform: it imports no other platform folder at run
// time (only access's Principal and Scope types).
import './fastify-types.js'

export { actorOf, systemActor, type Actor } from './actor.js'
export type { AccessRule } from './fastify-types.js'
export { classifyError, sendProblem } from './problem.js'
export { boundRouteSchemas, refuseControlCharacters } from './request-limits.js'
export {
  IdParams,
  NoContent,
  Nullable,
  Page,
  PageQuery,
  PhoneNumber,
  pageWindow,
} from './schemas.js'
export { compileItemValidator, validatorCompiler } from './validators.js'
export { withGroupCommit, withTransaction, withWriteBatch } from './with-transaction.js'
