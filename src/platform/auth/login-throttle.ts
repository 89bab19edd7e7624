import type { Db } from '../../db/database.js'
import { addSeconds, nowIso } from '../../shared/clock.js'
import { AppError } from '../../shared/errors.js'

// Failed logins are counted in the database so every app node behind the load balancer
// shares them.

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

/** Throws a 429 problem when the account or the address is locked. */
export async function assertLoginAllowed(
  db: Db,
  username: string,
  ip: string,
  now = nowIso(),
): Promise<void> {
  const rows = await db
    .selectFrom('login_throttle')
    .select(['key', 'locked_until'])
    .where('key', 'in', [userKey(username), ipKey(ip)])
    .execute()
  for (const row of rows) {
    if (row.locked_until !== null && row.locked_until > now) {
      const retryAfterS = (Date.parse(row.locked_until) - Date.parse(now)) / 1000
      const minutes = Math.ceil(retryAfterS / 60)
      throw row.key.startsWith('user:')
        ? new AppError(
            'locked',
            {
              en: `Too many wrong passwords: try again in ${minutes} min`,
              zh: `密码错误次数过多，请 ${minutes} 分钟后再试`,
            },
            [],
            retryAfterS,
          )
        : new AppError(
            'too_many_requests',
            {
              en: `Too many failed logins from this address: try again in ${minutes} min`,
              zh: `该地址登录失败次数过多，请 ${minutes} 分钟后再试`,
            },
            [],
            retryAfterS,
          )
    }
  }
}

export async function recordLoginFailure(
  db: Db,
  username: string,
  ip: string,
  now = nowIso(),
): Promise<void> {
  await bump(db, userKey(username), THROTTLE.maxFailuresPerUser, now)
  await bump(db, ipKey(ip), THROTTLE.maxFailuresPerIp, now)
}

export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', userKey(username)).execute()
}

/** One atomic upsert, so concurrent failures on several app nodes are all counted. */
async function bump(db: Db, key: string, limit: number, now: string): Promise<void> {
  const windowCutoff = addSeconds(now, -THROTTLE.windowS)
  const row = await db
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
    .returning('failures')
    .executeTakeFirstOrThrow()
  if (row.failures >= limit) {
    await db
      .updateTable('login_throttle')
      .set({ locked_until: addSeconds(now, THROTTLE.lockS) })
      .where('key', '=', key)
      .execute()
  }
}
