import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, withTransaction } from '../../../platform/http/index.js'
import { invalidField } from '../../../shared/errors.js'
import { MAX_IMAGE_PIXELS, type MediaStorage } from '../media/index.js'
import {
  addProductImage,
  MAX_IMAGE_BYTES,
  prepareProductImage,
  removeProductImage,
} from './product-images.js'
import { ImageParams, ProductImage } from './product-schema.js'

// MKT-1: a merchant's product photos, for its own shop only (catalog:write).

const tags = ['commerce']
const access = { permission: 'catalog:write' } as const

export const productImageRoutes: FastifyPluginAsyncTypebox<{
  db: Db
  media: MediaStorage
}> = async (app, { db, media }) => {
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
export async function deleteObjects(
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
