// @fastify/cookie's request and reply methods, also where this file is compiled without build-app.ts.
import type {} from '@fastify/cookie'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/database.js'
import { AppError } from '../../shared/errors.js'
import { findMembershipsOfUsers, findUserById, toMembership } from '../accounts/index.js'
import { permissionsOf, type Principal } from '../access/index.js'
import { recordAudit } from '../audit/index.js'
import { actorOf, NoContent, withTransaction } from '../http/index.js'
import { logIn } from './login.js'
import type { PrincipalCache } from './principal-cache.js'
import { deleteSession, principalFromSession, SESSION } from './principals.js'
import { LoginBody, Me } from './schema.js'
import { sessionCookieOptions, setSessionCookie } from './session-cookie.js'

export interface AuthRoutesOptions {
  db: Db
  /** Secure cookies need HTTPS; off for plain-HTTP local runs. */
  secureCookies: boolean
  /** The node's cache of sessions (Redis mode): a logout is forgotten on every node. */
  principals?: PrincipalCache | undefined
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (
  app,
  { db, secureCookies, principals },
) => {
  const cookieOptions = sessionCookieOptions(secureCookies)

  app.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session cookie',
        body: LoginBody,
        response: { 200: Me },
      },
      config: { access: { public: true } },
    },
    async (request, reply) => {
      const { secret } = await logIn(
        db,
        actorOf(request),
        request.body,
        request.headers['user-agent'],
      )
      setSessionCookie(reply, secret, secureCookies)
      const principal = await principalFromSession(db, secret)
      if (!principal)
        throw new AppError('unauthenticated', {
          en: 'The new session could not be read',
          zh: '会话创建失败',
        })
      return toMe(db, principal)
    },
  )

  app.post(
    '/logout',
    {
      schema: { tags: ['auth'], summary: 'End the session', response: { 204: NoContent } },
      config: { access: { authenticated: true } },
    },
    async (request, reply) => {
      await withTransaction(db, request, async (trx, actor) => {
        if (request.principal?.sessionId) await deleteSession(trx, request.principal.sessionId)
        await recordAudit(trx, actor, {
          action: 'auth.logout',
          entityType: 'user',
          entityId: request.principal?.userId ?? null,
          organizationId: null,
        })
      })
      if (request.principal?.userId) await principals?.forgetUser(request.principal.userId)
      void reply.clearCookie(SESSION.cookieName, cookieOptions)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, with memberships, permissions and the CSRF token',
        response: { 200: Me },
      },
      config: { access: { authenticated: true } },
    },
    (request) => toMe(db, request.principal as Principal),
  )
}

async function toMe(db: Db, principal: Principal): Promise<Me> {
  if (principal.userId === null)
    throw new AppError('forbidden', {
      en: 'API tokens have no user profile',
      zh: 'API 令牌没有用户信息',
    })
  const user = await findUserById(db, principal.userId)
  if (!user) throw new AppError('unauthenticated', { en: 'Sign in first', zh: '请先登录' })
  const memberships = await findMembershipsOfUsers(db, [user.id])
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      phone: user.phone,
    },
    memberships: memberships.filter((m) => m.organizationStatus === 'active').map(toMembership),
    permissions: permissionsOf(principal),
    csrfToken: principal.csrfToken ?? '',
  }
}
