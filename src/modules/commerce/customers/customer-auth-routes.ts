import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.js'
import { setSessionCookie } from '../../../platform/auth/index.js'
import { withTransaction } from '../../../platform/http/index.js'
import { maskPhone } from '../../../shared/personal-data.js'
import {
  CodeLoginBody,
  Customer,
  LoginCodeBody,
  LoginCodeChallenge,
  LoginCodeSent,
} from '../orders/index.js'
import { logInWithCode, sendLoginCode, wrongCode } from './customer-auth.js'
import { newLoginCodeChallenge, type LoginCodeLimits } from './login-code-guard.js'

// The H5 shop's sign-in by texted code: a new number becomes a new customer.

export interface CustomerAuthRoutesOptions {
  db: Db
  /** With the local SMS provider nothing is texted, so the sign-in code is shown instead. */
  revealLoginCodes: boolean
  secureCookies: boolean
  /** Signs the sign-in code challenges (the session secret). */
  challengeSecret: string
  /** Sign-in codes per address and per hour (issue 12). */
  loginCodeLimits: LoginCodeLimits
}

const tags = ['commerce: buyer']

export const customerAuthRoutes: FastifyPluginAsyncTypebox<CustomerAuthRoutesOptions> = async (
  app,
  { db, revealLoginCodes, secureCookies, challengeSecret, loginCodeLimits },
) => {
  const guard = { secret: challengeSecret, limits: loginCodeLimits }

  app.post(
    '/shop/auth/code',
    {
      schema: {
        tags,
        summary:
          'Text a sign-in code to a mobile number (one a minute, ten a day per number; after a few from one address, each needs a solved challenge)',
        body: LoginCodeBody,
        response: { 200: LoginCodeSent },
      },
      config: { access: { public: true } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        sendLoginCode(trx, actor, request.body, { revealCode: revealLoginCodes, guard }),
      ),
  )

  app.get(
    '/shop/auth/challenge',
    {
      schema: {
        tags,
        summary: 'A proof-of-work challenge to solve before asking for another sign-in code',
        response: { 200: LoginCodeChallenge },
      },
      config: { access: { public: true } },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store')
      return newLoginCodeChallenge(challengeSecret, loginCodeLimits)
    },
  )

  app.post(
    '/shop/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with the texted code; a new number becomes a new customer',
        body: CodeLoginBody,
        response: { 200: Customer },
      },
      config: { access: { public: true } },
    },
    async (request, reply) => {
      const session = await withTransaction(db, request, (trx, actor) =>
        logInWithCode(trx, actor, request.body, request.headers['user-agent']),
      )
      if (!session) throw wrongCode()
      setSessionCookie(reply, session.secret, secureCookies)
      return {
        userId: session.userId,
        displayName: session.displayName,
        phone: maskPhone(request.body.phone),
        csrfToken: session.csrfToken,
      }
    },
  )
}
