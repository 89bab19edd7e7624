import { createHash } from 'node:crypto'
import type { Db } from '../../db/database.js'
import { addSeconds, nowIso } from '../../shared/clock.js'
import { newId, newSecret } from '../../shared/ids.js'
import {
  findMembershipsOfUsers,
  findOrganizationSubtrees,
  findOrganizationSummary,
  findUserById,
} from '../accounts/index.js'
import type { Principal, PrincipalMembership } from '../access/index.js'

export const SESSION = {
  cookieName: 'ct_session',
  /** A session lasts at most this long… */
  absoluteS: 7 * 24 * 3600,
  /** …and ends sooner when unused for this long. */
  idleS: 12 * 3600,
  /** last_seen_at is written at most this often, so reads stay reads. */
  touchEveryS: 5 * 60,
} as const

export const hashToken = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex')

/** API token secrets carry a prefix so they are recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'ct_'

export async function createSession(
  db: Db,
  userId: string,
  ip: string,
  userAgent: string | undefined,
): Promise<{ secret: string; csrfToken: string; sessionId: string }> {
  const secret = newSecret()
  const csrfToken = newSecret()
  const now = nowIso()
  const sessionId = newId()
  await db
    .insertInto('session')
    .values({
      id: sessionId,
      token_hash: hashToken(secret),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: addSeconds(now, SESSION.absoluteS),
      last_seen_at: now,
      ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute()
  return { secret, csrfToken, sessionId }
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute()
}

/** Ends every session of the user but the one named (accounts' RevokeSessions). */
export async function revokeSessionsOf(
  db: Db,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  let sessions = db.deleteFrom('session').where('user_id', '=', userId)
  if (exceptSessionId !== undefined) sessions = sessions.where('id', '!=', exceptSessionId)
  await sessions.execute()
}

/** The signed-in user behind a session cookie, or null when the session is unknown, expired or idle. */
export async function principalFromSession(
  db: Db,
  secret: string,
  now = nowIso(),
): Promise<Principal | null> {
  const tokenHash = hashToken(secret)
  const session = await db
    .selectFrom('session')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!session) return null
  if (session.expires_at <= now || addSeconds(session.last_seen_at, SESSION.idleS) <= now) {
    await deleteSession(db, session.id)
    return null
  }
  const user = await findUserById(db, session.user_id)
  if (!user || user.status !== 'active') return null
  if (addSeconds(session.last_seen_at, SESSION.touchEveryS) <= now) {
    await db
      .updateTable('session')
      .set({ last_seen_at: now })
      .where('id', '=', session.id)
      .execute()
  }
  // A suspended organization's memberships grant nothing until it is reactivated.
  const memberships = (await findMembershipsOfUsers(db, [user.id])).filter(
    (m) => m.organizationStatus === 'active',
  )
  const principal: Principal = {
    kind: 'session',
    userId: user.id,
    tokenId: null,
    displayName: user.display_name,
    memberships: await withReach(db, memberships),
    sessionId: session.id,
    csrfToken: session.csrf_token,
  }
  return principal
}

/** The machine client behind `Authorization: Bearer ct_…`, or null. */
export async function principalFromApiToken(
  db: Db,
  secret: string,
  now = nowIso(),
): Promise<Principal | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return null
  const token = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'role', 'last_used_at', 'organization_id'])
    .where('token_hash', '=', hashToken(secret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  const organization = token && (await findOrganizationSummary(db, token.organization_id))
  if (!token || !organization || organization.status !== 'active') return null
  if (token.last_used_at === null || addSeconds(token.last_used_at, SESSION.touchEveryS) <= now) {
    await db
      .updateTable('api_token')
      .set({ last_used_at: now })
      .where('id', '=', token.id)
      .execute()
  }
  const membership = {
    organizationId: organization.id,
    organizationName: organization.name,
    organizationType: organization.type,
    role: token.role,
  }
  return {
    kind: 'api_token',
    userId: null,
    tokenId: token.id,
    displayName: `API: ${token.name}`,
    memberships: await withReach(db, [membership]),
    sessionId: null,
    csrfToken: null,
  }
}

type MembershipBasics = Omit<PrincipalMembership, 'reach'>

async function withReach(
  db: Db,
  memberships: readonly MembershipBasics[],
): Promise<PrincipalMembership[]> {
  const subtrees = await findOrganizationSubtrees(db, [
    ...new Set(memberships.map((m) => m.organizationId)),
  ])
  return memberships.map((m) => ({
    organizationId: m.organizationId,
    organizationName: m.organizationName,
    organizationType: m.organizationType,
    role: m.role,
    reach: subtrees.get(m.organizationId) ?? [m.organizationId],
  }))
}
