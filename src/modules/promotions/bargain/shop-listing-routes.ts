import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { Page, PageQuery } from '../../../platform/http/index.js'
import { runningActivities } from './activity-listing.js'
import { RunningBargainActivity } from './schema.js'

// The public list consumers browse 砍价 from (no share link needed).

export const bargainListingRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/shop/bargain-activities',
    {
      schema: {
        tags: ['promotions'],
        summary: 'Bargain activities one can launch now (in window, stock left), soonest end first',
        querystring: Type.Object({
          ...PageQuery.properties,
          productId: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: { 200: Page(RunningBargainActivity) },
      },
      config: { access: { public: true } },
    },
    (request) => runningActivities(db, request.query),
  )
}
