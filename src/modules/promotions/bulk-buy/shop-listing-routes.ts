import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { Page, PageQuery } from '../../../platform/http/index.js'
import { openCampaigns } from './campaign-listing.js'
import { OpenCampaign } from './schema.js'

// The public list consumers browse 团购 from (no share link needed).

export const bulkBuyListingRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/shop/bulk-buys',
    {
      schema: {
        tags: ['promotions'],
        summary:
          'Campaigns taking orders now, soonest to close first, with the exact progress line',
        querystring: Type.Object({
          ...PageQuery.properties,
          productId: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: { 200: Page(OpenCampaign) },
      },
      config: { access: { public: true } },
    },
    (request) => openCampaigns(db, request.query),
  )
}
