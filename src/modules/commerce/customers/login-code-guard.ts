import type { Db } from '../../../db/database.js'
import {
  checkChallenge,
  countHit,
  hitsOf,
  issueChallenge,
  purgeRateLimits,
  type Challenge,
  type ChallengeCheck,
} from '../../../platform/abuse/index.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { AppError, type Bilingual } from '../../../shared/errors.js'

// Issue 12, SMS bombing: the per-number limits (one a minute, ten a day) do not stop one sender
// texting thousands of strangers. So each code request also counts against the sender's address
// and the shop's clock hour; after a few codes an address must solve a proof-of-work challenge
// for each further one; and an hour far above the day's average alerts the operator.

export interface LoginCodeLimits {
  /** Codes one address may ask for in an hour before each needs a solved challenge. */
  freePerAddressHourly: number
  /** Codes one address may ask for in an hour, challenges or not. */
  perAddressHourly: number
  /** Codes the whole shop texts in a clock hour (the SMS bill's ceiling). */
  hourly: number
  /** An hour alerts the operator past this many codes and `alertFactor` × the day's average. */
  alertFloor: number
  alertFactor: number
  /** Leading zero bits of the proof of work: about 2^n SHA-256 hashes in the browser. */
  difficulty: number
}

export const LOGIN_CODE_LIMITS: LoginCodeLimits = {
  freePerAddressHourly: 3,
  perAddressHourly: 20,
  hourly: 1000,
  alertFloor: 50,
  alertFactor: 3,
  difficulty: 16,
}

const PURPOSE = 'login-code'
const CHALLENGE_TTL_S = 300
const HOUR_S = 3600

export interface ChallengeSolution {
  token: string
  nonce: string
}

export const newLoginCodeChallenge = (secret: string, limits: LoginCodeLimits): Challenge =>
  issueChallenge(secret, PURPOSE, { difficulty: limits.difficulty, ttlS: CHALLENGE_TTL_S })

/**
 * Counts a code request against its address and the shop's hour, and refuses it (429, or 403
 * when a challenge is due) before anything is texted. Runs in the request's transaction: a
 * refused request's counts roll back with it, so only codes sent are counted.
 */
export async function admitLoginCodeRequest(
  db: Db,
  actor: Actor,
  solution: ChallengeSolution | undefined,
  { secret, limits }: { secret: string; limits: LoginCodeLimits },
  now = nowIso(),
): Promise<void> {
  const address = await countHit(db, `login-code:ip:${actor.ip}`, HOUR_S, now)
  if (address.hits > limits.perAddressHourly)
    throw tooMany(address.windowEndsAt, now, {
      en: `too many sign-in codes asked for from this address (${limits.perAddressHourly} an hour)`,
      zh: `该网络地址获取验证码次数过多（每小时 ${limits.perAddressHourly} 次）`,
    })
  if (address.hits > limits.freePerAddressHourly) await useChallenge(db, solution, secret, now)

  const hour = now.slice(0, 13)
  const hourEnd = addSeconds(`${hour}:00:00.000Z`, HOUR_S)
  const shop = await countHit(db, `login-code:hour:${hour}`, HOUR_S, now)
  // Once an hour, with the hour's first code: counters older than a day are spent.
  if (shop.hits === 1) await purgeRateLimits(db, addSeconds(now, -86_400))
  if (shop.hits > limits.hourly)
    throw tooMany(hourEnd, now, {
      en: 'the shop is sending too many sign-in codes right now: try again later',
      zh: '当前获取验证码的人数过多，请稍后再试',
    })
  if (shop.hits >= limits.alertFloor) await alertOnSurge(db, actor, hour, shop.hits, limits)
}

const CHALLENGE_PROBLEMS: Record<
  'missing' | 'used' | Exclude<ChallengeCheck, { ok: true }>['reason'],
  Bilingual
> = {
  missing: {
    en: 'a security check is required: solve the challenge from GET /shop/auth/challenge and send it as challenge',
    zh: '请先完成安全验证后再获取验证码',
  },
  forged: {
    en: 'the security check is not valid: solve a new one',
    zh: '安全验证无效，请重新验证',
  },
  expired: {
    en: 'the security check has expired: solve a new one',
    zh: '安全验证已过期，请重新验证',
  },
  unsolved: {
    en: 'the security check answer is wrong: solve it again',
    zh: '安全验证未通过，请重新验证',
  },
  used: {
    en: 'this security check was already used: solve a new one',
    zh: '安全验证已使用，请重新验证',
  },
}

async function useChallenge(
  db: Db,
  solution: ChallengeSolution | undefined,
  secret: string,
  now: string,
): Promise<void> {
  if (!solution) throw challengeRequired(CHALLENGE_PROBLEMS.missing)
  const check = checkChallenge(secret, PURPOSE, solution, now)
  if (!check.ok) throw challengeRequired(CHALLENGE_PROBLEMS[check.reason])
  // The window outlasts the challenge's expiry, so a used id is remembered while it could pass.
  const uses = await countHit(db, `login-code:challenge:${check.id}`, CHALLENGE_TTL_S, now)
  if (uses.hits > 1) throw challengeRequired(CHALLENGE_PROBLEMS.used)
}

/** Writes one `sms.login_code_surge` audit entry per hour whose volume jumps. */
async function alertOnSurge(
  db: Db,
  actor: Actor,
  hour: string,
  codes: number,
  limits: LoginCodeLimits,
): Promise<void> {
  const alertKey = `login-code:alert:${hour}`
  if ((await hitsOf(db, alertKey, HOUR_S)) > 0) return
  const hourStart = `${hour}:00:00.000Z`
  const { count } = await db
    .selectFrom('customer_login_code')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('created_at', '>=', addSeconds(hourStart, -86_400))
    .where('created_at', '<', hourStart)
    .executeTakeFirstOrThrow()
  const averagePerHour = count / 24
  if (codes <= limits.alertFactor * averagePerHour) return
  // Parallel requests may all get here; the counter lets exactly one write the entry.
  if ((await countHit(db, alertKey, HOUR_S)).hits > 1) return
  await recordAudit(db, actor, {
    action: 'sms.login_code_surge',
    entityType: 'sms',
    entityId: null,
    organizationId: null,
    after: {
      hour: hourStart,
      codesThisHour: codes,
      averagePerHour: Math.round(averagePerHour * 10) / 10,
    },
  })
}

const tooMany = (until: string, now: string, detail: Bilingual) =>
  new AppError(
    'too_many_requests',
    detail,
    [],
    Math.max(1, (Date.parse(until) - Date.parse(now)) / 1000),
  )

const challengeRequired = (detail: Bilingual) =>
  new AppError('challenge_required', detail, [{ field: 'challenge', message: detail }])
