import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { actorOf, IdParams, Page, withTransaction } from '../../../platform/http/index.js'
import {
  ApplyShopBody,
  ReviewShopBody,
  Shop,
  ShopListQuery,
  UpdateShopBody,
} from './shop-schema.js'
import * as shops from './shops.js'

// MKT-1: shop applications, the operating company's review, and merchants' own shop details.

const tags = ['commerce']

export const shopRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/shops',
    {
      schema: {
        tags,
        summary: 'A merchant or enterprise applies for its shop (again, after a rejection)',
        body: ApplyShopBody,
        response: { 201: Shop },
      },
      config: { access: { permission: 'shops:apply' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            shops.applyForShop(trx, actor, request.body),
          ),
        ),
  )

  app.get(
    '/shops',
    {
      schema: {
        tags,
        summary: 'Shops for review: filter by status (pending first come first)',
        querystring: ShopListQuery,
        response: { 200: Page(Shop) },
      },
      config: { access: { permission: 'shops:review' } },
    },
    (request) => shops.listShops(db, request.query),
  )

  app.get(
    '/my-shops',
    {
      schema: { tags, summary: 'The shops you run', response: { 200: Type.Array(Shop) } },
      config: { access: { permission: 'catalog:write' } },
    },
    (request) => shops.listMyShops(db, actorOf(request)),
  )

  app.get(
    '/shops/:id',
    {
      schema: { tags, params: IdParams, response: { 200: Shop } },
      config: { access: { permission: 'catalog:write' } },
    },
    (request) => shops.getShop(db, actorOf(request), request.params.id),
  )

  app.patch(
    '/shops/:id',
    {
      schema: { tags, params: IdParams, body: UpdateShopBody, response: { 200: Shop } },
      config: { access: { permission: 'catalog:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        shops.updateShop(trx, actor, request.params.id, request.body),
      ),
  )

  app.post(
    '/shops/:id/review',
    {
      schema: {
        tags,
        summary:
          'Approve or reject an application; suspend or reinstate a shop (note required to reject or suspend)',
        params: IdParams,
        body: ReviewShopBody,
        response: { 200: Shop },
      },
      config: { access: { permission: 'shops:review' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        shops.reviewShop(trx, actor, request.params.id, request.body),
      ),
  )
}
