import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/database.js'
import { actorOf, IdParams, NoContent, Page, PageQuery, withTransaction } from '../http/index.js'
import * as apiTokens from './api-tokens.js'
import { ApiToken, CreateApiTokenBody, CreatedApiToken } from './schema.js'

export const apiTokenRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['auth'],
        summary: 'API tokens of the organizations in your scope',
        querystring: PageQuery,
        response: { 200: Page(ApiToken) },
      },
      config: { access: { permission: 'api-tokens:manage' } },
    },
    (request) => apiTokens.listApiTokens(db, actorOf(request), request.query),
  )

  app.post(
    '/',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a token for a machine client; the secret is returned once',
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken },
      },
      config: { access: { permission: 'api-tokens:manage' } },
    },
    async (request, reply) => {
      const token = await withTransaction(db, request, (trx, actor) =>
        apiTokens.createApiToken(trx, actor, request.body),
      )
      return reply.status(201).send(token)
    },
  )

  app.delete(
    '/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke a token',
        params: IdParams,
        response: { 204: NoContent },
      },
      config: { access: { permission: 'api-tokens:manage' } },
    },
    async (request, reply) => {
      await withTransaction(db, request, (trx, actor) =>
        apiTokens.revokeApiToken(trx, actor, request.params.id),
      )
      return reply.status(204).send(null)
    },
  )
}
