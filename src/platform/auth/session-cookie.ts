// @fastify/cookie's request and reply methods, also where this file is compiled without build-app.ts.
import type {} from '@fastify/cookie'
import type { FastifyReply } from 'fastify'
import { SESSION } from './principals.js'

export const sessionCookieOptions = (secure: boolean) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true }) as const

/** Hands the new session's secret to the browser: signed, httpOnly, SameSite=Lax. */
export function setSessionCookie(reply: FastifyReply, secret: string, secure: boolean): void {
  void reply.setCookie(SESSION.cookieName, secret, {
    ...sessionCookieOptions(secure),
    maxAge: SESSION.absoluteS,
  })
}
