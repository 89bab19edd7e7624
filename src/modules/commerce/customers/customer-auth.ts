import { createHash, randomInt } from 'node:crypto'
import type { Db } from '../../../db/database.js'
import {
  CUSTOMER_USERNAME_PREFIX,
  findUserByUsername,
  insertCustomerUser,
} from '../../../platform/accounts/index.js'
import { recordAudit } from '../../../platform/audit/index.js'
import { createSession } from '../../../platform/auth/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { countHit } from '../../../platform/abuse/index.js'
import { enqueueSms } from '../../../platform/notifications/index.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { AppError, invalidField } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { maskPhone } from '../../../shared/personal-data.js'
import {
  admitLoginCodeRequest,
  type ChallengeSolution,
  type LoginCodeLimits,
} from './login-code-guard.js'

// Consumers sign in to the shop with their phone and a texted code, as in every Chinese mobile
// shop. A consumer is an app user without memberships: a session like staff have, and no
// permission to anything but their own cart, addresses and orders.

const CODE_TTL_S = 300
const RESEND_AFTER_S = 60
const MAX_CODES_PER_DAY = 10
const MAX_ATTEMPTS = 5

const hashCode = (phone: string, code: string) =>
  createHash('sha256').update(`${phone}:${code}`).digest('hex')

export const customerUsername = (phone: string) => `${CUSTOMER_USERNAME_PREFIX}${phone}`

export interface CodeSent {
  sentTo: string
  resendAfterS: number
  /** Only with the local SMS provider, which sends nothing: the code the text would carry. */
  localCode?: string
}

export interface LoginCodeGuard {
  /** Signs and checks the proof-of-work challenges (the session secret). */
  secret: string
  limits: LoginCodeLimits
}

export async function sendLoginCode(
  db: Db,
  actor: Actor,
  request: { phone: string; challenge?: ChallengeSolution | undefined },
  { revealCode, guard }: { revealCode: boolean; guard: LoginCodeGuard },
): Promise<CodeSent> {
  const { phone } = request
  const now = nowIso()
  await admitLoginCodeRequest(db, actor, request.challenge, guard, now)
  // Counted atomically (and held until commit), so parallel requests for one number send one code.
  const resend = await countHit(db, `login-code:phone:${phone}`, RESEND_AFTER_S, now)
  if (resend.hits > 1) {
    const wait = Math.max(1, Math.ceil((Date.parse(resend.windowEndsAt) - Date.parse(now)) / 1000))
    throw new AppError(
      'too_many_requests',
      { en: `wait ${wait} s before asking for another code`, zh: `请 ${wait} 秒后再获取验证码` },
      [],
      wait,
    )
  }
  const today = await db
    .selectFrom('customer_login_code')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('phone', '=', phone)
    .where('created_at', '>', addSeconds(now, -86_400))
    .executeTakeFirstOrThrow()
  if (today.count >= MAX_CODES_PER_DAY) {
    throw new AppError(
      'too_many_requests',
      { en: 'too many codes for this number today', zh: '该号码今日获取验证码次数过多' },
      [],
      3600,
    )
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  await db
    .insertInto('customer_login_code')
    .values({
      id: newId(),
      phone,
      code_hash: hashCode(phone, code),
      attempts: 0,
      expires_at: addSeconds(now, CODE_TTL_S),
      used_at: null,
      created_at: now,
    })
    .execute()
  await enqueueSms(db, { phone, template: 'login_code', params: { code } })
  await recordAudit(db, actor, {
    action: 'customer.login_code',
    entityType: 'customer',
    entityId: null,
    organizationId: null,
    after: { phone: maskPhone(phone) },
  })
  return {
    sentTo: maskPhone(phone),
    resendAfterS: RESEND_AFTER_S,
    ...(revealCode ? { localCode: code } : {}),
  }
}

export const wrongCode = () =>
  invalidField('code', {
    en: 'the code is wrong or has expired: ask for a new one',
    zh: '验证码错误或已过期，请重新获取',
  })

/**
 * Checks the code (5 tries), finds or creates the consumer, and opens a session. A wrong code
 * returns null rather than throwing, so the counted attempt commits; the caller then refuses.
 */
export interface CustomerSession {
  secret: string
  userId: string
  displayName: string
  csrfToken: string
}

export async function logInWithCode(
  db: Db,
  actor: Actor,
  input: { phone: string; code: string },
  userAgent: string | undefined,
): Promise<CustomerSession | null> {
  const now = nowIso()
  const pending = await db
    .selectFrom('customer_login_code')
    .selectAll()
    .where('phone', '=', input.phone)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  const used =
    pending &&
    pending.attempts < MAX_ATTEMPTS &&
    pending.code_hash === hashCode(input.phone, input.code)
      ? await db
          .updateTable('customer_login_code')
          .set({ used_at: now })
          .where('id', '=', pending.id)
          .where('used_at', 'is', null)
          .executeTakeFirst()
      : undefined
  if (used?.numUpdatedRows !== 1n) {
    if (pending) {
      await db
        .updateTable('customer_login_code')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', pending.id)
        .execute()
    }
    await recordAudit(db, actor, {
      action: 'customer.login',
      entityType: 'customer',
      entityId: null,
      organizationId: null,
      outcome: 'denied',
      after: { phone: maskPhone(input.phone) },
    })
    return null
  }

  const { userId, displayName } = await findOrCreateCustomer(db, input.phone, now)
  const { secret, csrfToken } = await createSession(db, userId, actor.ip, userAgent)
  actor.claimed = { userId, name: maskPhone(input.phone) }
  await recordAudit(db, actor, {
    action: 'customer.login',
    entityType: 'user',
    entityId: userId,
    organizationId: null,
  })
  return { secret, userId, displayName, csrfToken }
}

async function findOrCreateCustomer(
  db: Db,
  phone: string,
  now: string,
): Promise<{ userId: string; displayName: string }> {
  const username = customerUsername(phone)
  const existing = await findUserByUsername(db, username)
  if (existing) {
    if (existing.status !== 'active')
      throw new AppError('forbidden', { en: 'this account is disabled', zh: '该账号已停用' })
    return { userId: existing.id, displayName: existing.display_name }
  }
  // No password: consumers sign in with texted codes only.
  const customer = { id: newId(), username, displayName: `用户${phone.slice(-4)}`, phone, at: now }
  await insertCustomerUser(db, customer)
  return { userId: customer.id, displayName: customer.displayName }
}
