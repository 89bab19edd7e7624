import type { Db } from '../../db/database.js'
import { addSeconds, nowIso } from '../../shared/clock.js'
import { AppError } from '../../shared/errors.js'

// Sign-in attempts are counted in the database so every app node behind the load balancer
// shares them. An attempt is counted (one atomic upsert) before its password is checked, so a
// burst sent in parallel cannot have more passwords checked than the limit: `failures` holds the
// attempts of the window not forgiven by a success, those in flight included.

export const THROTTLE = {
  /** Wrong passwords for one account before it is locked. */
  maxFailuresPerUser: 10,
  /** Wrong passwords from one address (any account) before it is refused. */
  maxFailuresPerIp: 50,
  windowS: 15 * 60,
  lockS: 15 * 60,
} as const

const userKey = (username: string) => `user:${username.toLowerCase()}`
const ipKey = (ip: string) => `ip:${ip}`

/**
 * Counts a sign-in attempt for the account and the address, then throws a 429 problem when
 * either is locked or already has as many attempts as it may: the password is then not checked.
 */
export async function claimLoginAttempt(
  db: Db,
  username: string,
  ip: string,
  now = nowIso(),
): Promise<void> {
  const user = await countAttempt(db, userKey(username), now)
  const address = await countAttempt(db, ipKey(ip), now)
  const userWait = refusalWait(user, THROTTLE.maxFailuresPerUser, now)
  if (userWait !== null) {
    const minutes = Math.ceil(userWait / 60)
    throw new AppError(
      'locked',
      {
        en: `Too many wrong passwords: try again in ${minutes} min`,
        zh: `密码错误次数过多，请 ${minutes} 分钟后再试`,
      },
      [],
      userWait,
    )
  }
  const addressWait = refusalWait(address, THROTTLE.maxFailuresPerIp, now)
  if (addressWait !== null) {
    const minutes = Math.ceil(addressWait / 60)
    throw new AppError(
      'too_many_requests',
      {
        en: `Too many failed logins from this address: try again in ${minutes} min`,
        zh: `该地址登录失败次数过多，请 ${minutes} 分钟后再试`,
      },
      [],
      addressWait,
    )
  }
}

/** Locks the account or the address whose counted attempts reached the limit. */
export async function recordLoginFailure(
  db: Db,
  username: string,
  ip: string,
  now = nowIso(),
): Promise<void> {
  for (const [key, limit] of [
    [userKey(username), THROTTLE.maxFailuresPerUser],
    [ipKey(ip), THROTTLE.maxFailuresPerIp],
  ] as const) {
    await db
      .updateTable('login_throttle')
      .set({ locked_until: addSeconds(now, THROTTLE.lockS) })
      .where('key', '=', key)
      .where('failures', '>=', limit)
      .execute()
  }
}

/** A success forgets the account's attempts and takes its own attempt off the address. */
export async function clearLoginFailures(db: Db, username: string, ip: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', userKey(username)).execute()
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', ipKey(ip))
    .where('failures', '>', 0)
    .execute()
}

interface Attempts {
  failures: number
  window_started_at: string
  locked_until: string | null
}

/** Seconds until the key may try again, or null when this attempt may be checked. */
function refusalWait(attempts: Attempts, limit: number, now: string): number | null {
  if (attempts.locked_until !== null && attempts.locked_until > now)
    return (Date.parse(attempts.locked_until) - Date.parse(now)) / 1000
  if (attempts.failures <= limit) return null
  const windowEnd = Date.parse(attempts.window_started_at) + THROTTLE.windowS * 1000
  return Math.max(1, (windowEnd - Date.parse(now)) / 1000)
}

/** One atomic upsert returning the new count, so parallel attempts on any node each get their own. */
async function countAttempt(db: Db, key: string, now: string): Promise<Attempts> {
  const windowCutoff = addSeconds(now, -THROTTLE.windowS)
  return db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const inWindow = eb('login_throttle.window_started_at', '>', windowCutoff)
        return {
          failures: eb
            .case()
            .when(inWindow)
            .then(eb('login_throttle.failures', '+', 1))
            .else(1)
            .end(),
          window_started_at: eb
            .case()
            .when(inWindow)
            .then(eb.ref('login_throttle.window_started_at'))
            .else(now)
            .end(),
        }
      }),
    )
    .returning(['failures', 'window_started_at', 'locked_until'])
    .executeTakeFirstOrThrow()
}
