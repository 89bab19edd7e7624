// What modules may use of the abuse limits.
export type { AbuseTables } from './schema.js'
export { countHit, hitsOf, purgeRateLimits, type Hits } from './rate-limit.js'
export {
  checkChallenge,
  issueChallenge,
  solveChallenge,
  type Challenge,
  type ChallengeCheck,
} from './proof-of-work.js'
