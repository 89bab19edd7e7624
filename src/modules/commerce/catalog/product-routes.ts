import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { actorOf, IdParams, Page, withTransaction } from '../../../platform/http/index.js'
import type { MediaStorage } from '../media/index.js'
import { deleteObjects } from './product-image-routes.js'
import {
  CreateProductBody,
  MerchantProductQuery,
  ProductCard,
  ProductDetail,
  ProductStatusBody,
  SkuInput,
  SkuParams,
  UpdateProductBody,
  UpdateSkuBody,
} from './product-schema.js'
import { setProductStatus } from './product-status.js'
import * as products from './products.js'
import { addSku, updateSku } from './skus.js'

// MKT-1: a merchant's products and SKUs, for its own shop only (catalog:write); their images
// are product-image-routes.ts.

const tags = ['commerce']
const access = { permission: 'catalog:write' } as const

export const productRoutes: FastifyPluginAsyncTypebox<{ db: Db; media: MediaStorage }> = async (
  app,
  { db, media },
) => {
  app.get(
    '/products',
    {
      schema: {
        tags,
        summary: "Your shop's products, any status",
        querystring: MerchantProductQuery,
        response: { 200: Page(ProductCard) },
      },
      config: { access },
    },
    (request) => products.listProducts(db, actorOf(request), request.query),
  )

  app.post(
    '/products',
    {
      schema: {
        tags,
        summary: 'Create a product (as a draft) with its SKUs',
        body: CreateProductBody,
        response: { 201: ProductDetail },
      },
      config: { access },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            products.createProduct(trx, actor, request.body),
          ),
        ),
  )

  app.get(
    '/products/:id',
    {
      schema: { tags, params: IdParams, response: { 200: ProductDetail } },
      config: { access },
    },
    (request) => products.getProduct(db, actorOf(request), request.params.id),
  )

  app.patch(
    '/products/:id',
    {
      schema: { tags, params: IdParams, body: UpdateProductBody, response: { 200: ProductDetail } },
      config: { access },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        products.updateProduct(trx, actor, request.params.id, request.body),
      ),
  )

  app.delete(
    '/products/:id',
    {
      schema: {
        tags,
        summary: 'Delete a product that never sold and is not on sale',
        params: IdParams,
        response: { 204: Type.Null() },
      },
      config: { access },
    },
    async (request, reply) => {
      const keys = await withTransaction(db, request, (trx, actor) =>
        products.deleteProduct(trx, actor, request.params.id),
      )
      await deleteObjects(media, keys, request)
      return reply.status(204).send(null)
    },
  )

  app.put(
    '/products/:id/status',
    {
      schema: {
        tags,
        summary:
          'Put on sale (approved shop, an active SKU with a price, a valid brand licence), take off sale, or back to draft',
        params: IdParams,
        body: ProductStatusBody,
        response: { 200: ProductDetail },
      },
      config: { access },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        setProductStatus(trx, actor, request.params.id, request.body.status),
      ),
  )

  app.post(
    '/products/:id/skus',
    {
      schema: { tags, params: IdParams, body: SkuInput, response: { 201: ProductDetail } },
      config: { access },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            addSku(trx, actor, request.params.id, request.body),
          ),
        ),
  )

  app.patch(
    '/products/:id/skus/:skuId',
    {
      schema: {
        tags,
        summary: 'Change a SKU; retire it with active: false',
        params: SkuParams,
        body: UpdateSkuBody,
        response: { 200: ProductDetail },
      },
      config: { access },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        updateSku(trx, actor, request.params.id, request.params.skuId, request.body),
      ),
  )
}
