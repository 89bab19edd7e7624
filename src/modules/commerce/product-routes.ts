import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { actorOf, IdParams, Page, withTransaction } from '../../platform/http/index.js'
import { invalidField } from '../../shared/errors.js'
import type { MediaStorage } from './media-storage.js'
import { MAX_IMAGE_PIXELS } from './image-variants.js'
import {
  addProductImage,
  MAX_IMAGE_BYTES,
  prepareProductImage,
  removeProductImage,
} from './product-images.js'
import {
  CreateProductBody,
  ImageParams,
  MerchantProductQuery,
  ProductCard,
  ProductDetail,
  ProductImage,
  ProductStatusBody,
  SkuInput,
  SkuParams,
  UpdateProductBody,
  UpdateSkuBody,
} from './product-schema.js'
import { setProductStatus } from './product-status.js'
import * as products from './products.js'
import { addSku, updateSku } from './skus.js'

// MKT-1: a merchant's products, SKUs and images, for its own shop only (catalog:write).

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

  app.post(
    '/products/:id/images',
    {
      schema: {
        tags,
        summary: `Upload a photo (multipart field "file"; JPEG, PNG or WebP, at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels); WebP widths for srcset are made from it`,
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: ProductImage },
      },
      config: { access },
    },
    async (request, reply) => {
      const prepared = await prepareProductImage(await readUploadedFile(request))
      const image = await withTransaction(db, request, (trx, actor) =>
        addProductImage(trx, actor, media, request.params.id, prepared),
      )
      return reply.status(201).send(image)
    },
  )

  app.delete(
    '/products/:id/images/:imageId',
    {
      schema: { tags, params: ImageParams, response: { 204: Type.Null() } },
      config: { access },
    },
    async (request, reply) => {
      const keys = await withTransaction(db, request, (trx, actor) =>
        removeProductImage(trx, actor, request.params.id, request.params.imageId),
      )
      await deleteObjects(media, keys, request)
      return reply.status(204).send(null)
    },
  )
}

async function readUploadedFile(request: FastifyRequest): Promise<Buffer> {
  const file = request.isMultipart() ? await request.file() : undefined
  if (!file)
    throw invalidField('file', { en: 'attach the image as "file"', zh: '请上传图片（字段 file）' })
  try {
    return await file.toBuffer()
  } catch (error) {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw invalidField('file', {
        en: `must be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`,
        zh: `不能超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB`,
      })
    throw error
  }
}

/** After the commit: a failure leaves an orphan object, which is logged, not the user's problem. */
async function deleteObjects(
  media: MediaStorage,
  keys: readonly string[],
  request: FastifyRequest,
): Promise<void> {
  for (const key of keys) {
    await media.delete(key).catch((error: unknown) => {
      request.log.warn({ err: error, key }, 'could not delete a media object')
    })
  }
}
