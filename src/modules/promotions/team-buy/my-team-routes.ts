import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.js'
import { Page, PageQuery } from '../../../platform/http/index.js'
import { buyerIdOf } from '../../commerce/index.js'
import { MyTeam } from './schema.js'
import { myTeams } from './viewer-teams.js'

// 我的拼团: the signed-in customer's own teams (only theirs).

export const myTeamRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/shop/my/teams',
    {
      schema: {
        tags: ['promotions'],
        summary: "The teams I hold or held a seat in, newest first, with my seat's order",
        querystring: PageQuery,
        response: { 200: Page(MyTeam) },
      },
      config: { access: { authenticated: true } },
    },
    (request) => {
      const userId = buyerIdOf(request)
      return myTeams(db, userId, request.query)
    },
  )
}
