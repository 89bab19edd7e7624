import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.js'
import { withTransaction } from '../../../platform/http/index.js'
import { Category, CategoryBody } from './catalog-schema.js'
import { createCategory } from './categories.js'

// MKT-1: the operating company keeps the product categories.

const tags = ['commerce']

export const categoryRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/categories',
    {
      schema: { tags, body: CategoryBody, response: { 201: Category } },
      config: { access: { permission: 'catalog:manage' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            createCategory(trx, actor, request.body),
          ),
        ),
  )
}
