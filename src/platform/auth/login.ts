import type { Db } from '../../db/database.js'
import { nowIso } from '../../shared/clock.js'
import { AppError } from '../../shared/errors.js'
import {
  findUserByUsername,
  recordLogin,
  verifyAgainstDecoy,
  verifyPassword,
} from '../accounts/index.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../http/index.js'
import { claimLoginAttempt, clearLoginFailures, recordLoginFailure } from './login-throttle.js'
import { createSession } from './principals.js'
import type { LoginBody } from './schema.js'

export interface LoginResult {
  userId: string
  secret: string
}

const WRONG = new AppError('invalid_credentials', {
  en: 'Wrong username or password',
  zh: '用户名或密码错误',
})

/**
 * Counts the attempt, checks the password and opens a session. The attempt is counted before
 * the password is checked, in its own statement, so parallel guesses cannot outrun the limit; a
 * failure is audited (and may lock) in its own transaction, so it sticks even though the
 * request answers with an error.
 */
export async function logIn(
  db: Db,
  actor: Actor,
  body: LoginBody,
  userAgent: string | undefined,
): Promise<LoginResult> {
  await claimLoginAttempt(db, body.username, actor.ip)
  const user = await findUserByUsername(db, body.username)
  const passwordOk = user
    ? await verifyPassword(body.password, user.password_hash)
    : await verifyAgainstDecoy(body.password)
  if (!user || !passwordOk || user.status !== 'active') {
    await db.transaction().execute(async (trx) => {
      await recordLoginFailure(trx, body.username, actor.ip)
      await recordAudit(
        trx,
        { ...actor, claimed: { userId: null, name: body.username.slice(0, 64) } },
        {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          organizationId: null,
          outcome: 'denied',
          after: {
            username: body.username.slice(0, 64),
            reason: !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'disabled',
          },
        },
      )
    })
    throw WRONG
  }
  return db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, body.username, actor.ip)
    await recordLogin(trx, user.id, nowIso())
    const session = await createSession(trx, user.id, actor.ip, userAgent)
    await recordAudit(
      trx,
      { ...actor, claimed: { userId: user.id, name: user.display_name } },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        organizationId: null,
        after: { sessionId: session.sessionId },
      },
    )
    return { userId: user.id, secret: session.secret }
  })
}
