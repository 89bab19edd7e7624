import fastifyMultipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.js'
import { brandRoutes } from '../brand/index.js'
import type { MediaStorage } from '../media/index.js'
import { MAX_IMAGE_BYTES } from './product-images.js'
import { categoryRoutes } from './category-routes.js'
import { productImageRoutes } from './product-image-routes.js'
import { productRoutes } from './product-routes.js'
import { shopRoutes } from '../shops/index.js'
import { storefrontRoutes } from './storefront-routes.js'

export interface CatalogRoutesOptions {
  db: Db
  /** Where product images are kept (media-config.ts picks disk or S3). */
  media: MediaStorage
}

/** Every catalog route (BR-1, MKT-1), mounted under /api/commerce. */
export const catalogRoutes: FastifyPluginAsyncTypebox<CatalogRoutesOptions> = async (
  app,
  { db, media },
) => {
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 2 },
  })
  await app.register(shopRoutes, { db })
  await app.register(brandRoutes, { db })
  await app.register(categoryRoutes, { db })
  await app.register(productRoutes, { db, media })
  await app.register(productImageRoutes, { db, media })
  await app.register(storefrontRoutes, { db, media })
}
