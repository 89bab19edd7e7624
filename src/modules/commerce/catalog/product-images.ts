import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { inspectImage, type ImageInfo } from '../media/index.js'
import {
  decodeImage,
  parseVariantWidths,
  pickVariantWidth,
  storageKeysOf,
  variantKeyOf,
  type DecodedImage,
} from '../media/index.js'
import type { MediaStorage } from '../media/index.js'
import type { ProductImage } from './product-schema.js'
import { toProductImage } from './product-views.js'
import { findProductInScope } from './products.js'

// Product photos: checked by their bytes, decoded into WebP widths for the screen
// (image-variants.ts), stored through MediaStorage beside the original, described in the database.

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024
const MAX_IMAGES_PER_PRODUCT = 9
const IMAGE = { en: 'image', zh: '图片' }

/** An upload that decoded: the original bytes, their type, and the WebP widths made from them. */
export interface PreparedImage {
  data: Buffer
  info: ImageInfo
  decoded: DecodedImage
}

/**
 * Checks the upload's type by its bytes, then decodes and resizes it. Called before the
 * transaction: resizing takes CPU time no database connection should wait for.
 */
export async function prepareProductImage(data: Buffer): Promise<PreparedImage> {
  const info = inspectImage(data)
  if (!info)
    throw invalidField('file', {
      en: 'must be a JPEG, PNG or WebP image',
      zh: '只支持 JPEG、PNG 或 WebP 图片',
    })
  return { data, info, decoded: await decodeImage(data) }
}

/** Stores the image and its row; the objects are written last, so a refused upload leaves none. */
export async function addProductImage(
  db: Db,
  actor: Actor,
  storage: MediaStorage,
  productId: string,
  { data, info, decoded }: PreparedImage,
): Promise<ProductImage> {
  const product = await findProductInScope(db, actor, productId)
  const { count } = await db
    .selectFrom('product_image')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow()
  if (count >= MAX_IMAGES_PER_PRODUCT)
    throw conflict(
      {
        en: `a product has at most ${MAX_IMAGES_PER_PRODUCT} images`,
        zh: `每个商品最多 ${MAX_IMAGES_PER_PRODUCT} 张图片`,
      },
      'file',
    )
  const id = newId()
  const row = {
    id,
    product_id: productId,
    storage_key: `products/${productId}/${id}.${info.extension}`,
    content_type: info.contentType,
    bytes: data.length,
    width: decoded.width,
    height: decoded.height,
    variant_widths: JSON.stringify(decoded.variants.map((variant) => variant.width)),
    position: count,
    created_at: nowIso(),
  }
  await db.insertInto('product_image').values(row).execute()
  const image = toProductImage(row)
  await recordAudit(db, actor, {
    action: 'product_image.add',
    entityType: 'product_image',
    entityId: id,
    organizationId: product.organization_id,
    after: { productId, ...image },
  })
  await Promise.all([
    storage.put(row.storage_key, data, info.contentType),
    ...decoded.variants.map((variant) =>
      storage.put(variantKeyOf(row.storage_key, variant.width), variant.body, 'image/webp'),
    ),
  ])
  return image
}

/** Forgets the image; returns its storage keys, to delete once the transaction has committed. */
export async function removeProductImage(
  db: Db,
  actor: Actor,
  productId: string,
  imageId: string,
): Promise<string[]> {
  const product = await findProductInScope(db, actor, productId)
  const row = await db
    .selectFrom('product_image')
    .selectAll()
    .where('id', '=', imageId)
    .where('product_id', '=', productId)
    .executeTakeFirst()
  if (!row) throw notFound(IMAGE, imageId)
  await db.deleteFrom('product_image').where('id', '=', imageId).execute()
  await recordAudit(db, actor, {
    action: 'product_image.remove',
    entityType: 'product_image',
    entityId: imageId,
    organizationId: product.organization_id,
    before: { productId, ...toProductImage(row) },
  })
  return storageKeysOf(row)
}

/**
 * An image's bytes and type, for the public image route: with `width`, the narrowest WebP
 * variant at least that wide (else the widest); without, or for an image uploaded before
 * variants existed, the original.
 */
export async function readProductImage(
  db: Db,
  storage: MediaStorage,
  imageId: string,
  width?: number,
): Promise<{ body: Buffer; contentType: string }> {
  const row = await db
    .selectFrom('product_image')
    .select(['storage_key', 'content_type', 'variant_widths'])
    .where('id', '=', imageId)
    .executeTakeFirst()
  if (!row) throw notFound(IMAGE, imageId)
  const variantWidth =
    width === undefined
      ? undefined
      : pickVariantWidth(parseVariantWidths(row.variant_widths), width)
  const [key, contentType] =
    variantWidth === undefined
      ? [row.storage_key, row.content_type]
      : [variantKeyOf(row.storage_key, variantWidth), 'image/webp']
  const body = await storage.get(key)
  if (!body) throw notFound(IMAGE, imageId)
  return { body, contentType }
}
