// @fastify/cookie's request and reply methods, also where this file is compiled without build-app.ts.
import type {} from '@fastify/cookie'
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Db } from '../../db/database.js'
import { AppError } from '../../shared/errors.js'
import type { PrincipalCache } from './principal-cache.js'
import { principalFromApiToken, principalFromSession, SESSION } from './principals.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Resolves who is calling on every /api request: a session cookie (browser) or a bearer token
 * (machine client); sessions through `principals` when the node keeps them (Redis mode). Browser mutations must echo the session's CSRF token in `x-csrf-token`;
 * bearer calls need none, since a browser never sends them on its own.
 */
export function registerAuthentication(
  app: FastifyInstance,
  db: Db,
  principals?: PrincipalCache,
): void {
  app.decorateRequest('principal', null)
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return
    const bearer = bearerSecret(request)
    if (bearer !== undefined) {
      request.principal = await principalFromApiToken(db, bearer)
      if (!request.principal)
        throw new AppError('unauthenticated', {
          en: 'The API token is unknown or revoked',
          zh: 'API 令牌无效或已吊销',
        })
      return
    }
    const cookie = request.cookies[SESSION.cookieName]
    if (cookie === undefined) return
    // Keyed by the signed cookie itself: a cookie the node has verified lately is not verified
    // and hashed again (Redis mode).
    request.principal = principals?.get(cookie) ?? null
    if (!request.principal) {
      const unsigned = request.unsignCookie(cookie)
      if (!unsigned.valid) return
      request.principal = await principalFromSession(db, unsigned.value)
      if (request.principal) principals?.set(cookie, request.principal)
    }
    // Public routes (login) need no token: they act on no session.
    const isPublic =
      request.routeOptions.config.access !== undefined &&
      'public' in request.routeOptions.config.access
    if (request.principal && !SAFE_METHODS.has(request.method) && !isPublic)
      assertCsrf(request, request.principal.csrfToken)
  })
}

function bearerSecret(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (header === undefined) return undefined
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1] ?? ''
}

function assertCsrf(request: FastifyRequest, expected: string | null): void {
  const sent = request.headers['x-csrf-token']
  const ok =
    typeof sent === 'string' &&
    expected !== null &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
  if (!ok)
    throw new AppError('csrf', {
      en: 'Send the x-csrf-token header from /api/auth/me with every change',
      zh: '每次修改请求须携带 x-csrf-token 请求头（见 /api/auth/me）',
    })
}
