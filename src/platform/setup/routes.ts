import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/database.js'
import { actorOf } from '../http/index.js'
import { completeSetup } from './complete-setup.js'
import { SetupBody, SetupDone, SetupLinkState, SetupTokenQuery } from './schema.js'
import { assertSetupLink } from './setup-token.js'

// /api/setup: the page behind the one-time link. Public (the link is the credential); 410 once
// setup is done, 404 for a link that is not the current one.

export const setupRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['setup'],
        summary: 'Whether a setup link still works (first run without demo data)',
        querystring: SetupTokenQuery,
        response: { 200: SetupLinkState },
      },
      config: { access: { public: true } },
    },
    async (request) => {
      await assertSetupLink(db, request.query.token)
      return { valid: true }
    },
  )

  app.post(
    '/',
    {
      schema: {
        tags: ['setup'],
        summary:
          'Set the installation up once: county, bureau, operating company, first administrator',
        body: SetupBody,
        response: { 201: SetupDone },
      },
      config: { access: { public: true } },
    },
    async (request, reply) => {
      const { token, ...input } = request.body
      const done = await completeSetup(db, actorOf(request), token, input)
      return reply.status(201).send(done)
    },
  )
}
