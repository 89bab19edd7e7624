import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, Page } from '../../../platform/http/index.js'
import { Brand } from '../brand/index.js'
import { Category } from './catalog-schema.js'
import { listBrands } from '../brand/index.js'
import { listCategoryTree } from './categories.js'
import type { MediaStorage } from '../media/index.js'
import { readProductImage } from './product-images.js'
import { ProductCard, ProductDetail, ProductSearchQuery } from './product-schema.js'
import { getPublicProduct, searchProducts } from './product-search.js'

// The H5 shop's reads: no sign-in, on-sale products of approved shops only.

const tags = ['commerce: shop']

const ImageQuery = Type.Object({
  w: Type.Optional(
    Type.Integer({ minimum: 1, description: 'The width wanted, in px; any value is served' }),
  ),
})
const access = { public: true } as const

export const storefrontRoutes: FastifyPluginAsyncTypebox<{ db: Db; media: MediaStorage }> = async (
  app,
  { db, media },
) => {
  app.get(
    '/shop/categories',
    {
      schema: { tags, response: { 200: Type.Array(Category) } },
      config: { access },
    },
    () => listCategoryTree(db),
  )

  app.get(
    '/shop/brands',
    {
      schema: {
        tags,
        summary: 'The county brand and its series',
        response: { 200: Type.Array(Brand) },
      },
      config: { access },
    },
    () => listBrands(db),
  )

  app.get(
    '/shop/products',
    {
      schema: {
        tags,
        summary:
          'Search on-sale products: q (Chinese words of any length), category, localKind, shop, price range, sort',
        querystring: ProductSearchQuery,
        response: { 200: Page(ProductCard) },
      },
      config: { access },
    },
    (request) => searchProducts(db, request.query),
  )

  app.get(
    '/shop/products/:id',
    {
      schema: {
        tags,
        summary: 'A product page: SKUs, producer, origin, brand series, images',
        params: IdParams,
        response: { 200: ProductDetail },
      },
      config: { access },
    },
    (request) => getPublicProduct(db, request.params.id),
  )

  app.get(
    '/images/:id',
    {
      schema: {
        tags,
        summary:
          'A product image: the original, or with w the narrowest WebP width at least w px wide (else the widest)',
        params: IdParams,
        querystring: ImageQuery,
      },
      config: { access },
    },
    async (request, reply) => {
      const { id } = request.params
      const { w } = request.query
      // An image id and width never name other bytes, so browsers and CDNs may keep them a year.
      const etag = w === undefined ? `"${id}"` : `"${id}-w${w}"`
      void reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', etag)
      if (request.headers['if-none-match'] === etag) return reply.status(304).send()
      const image = await readProductImage(db, media, id, w)
      return reply
        .header('x-content-type-options', 'nosniff')
        .type(image.contentType)
        .send(image.body)
    },
  )
}
