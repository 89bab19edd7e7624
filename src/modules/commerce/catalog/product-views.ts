import type { Db } from '../../../db/database.js'
import { findDivisionNames, findDivisionPaths } from '../../../platform/geography/index.js'
import type { ProductImageTable, ProductTable, SkuTable } from './catalog-schema.js'
import { parseVariantWidths } from '../media/index.js'
import type { ProductCard, ProductDetail, ProductImage, Sku } from './product-schema.js'

// How a product row becomes what the merchant's console and the H5 shop show.

export const imageUrlOf = (imageId: string): string => `/api/commerce/images/${imageId}`

/** `/api/commerce/images/i?w=240 240w, …`: the WebP widths stored for the image, for <img srcset>. */
export const imageSrcsetOf = (imageId: string, variantWidths: string | null): string =>
  parseVariantWidths(variantWidths)
    .map((width) => `${imageUrlOf(imageId)}?w=${width} ${width}w`)
    .join(', ')

export const toSku = (row: SkuTable): Sku => ({
  id: row.id,
  spec: row.spec,
  unit: row.unit,
  priceFen: row.price_fen,
  weightG: row.weight_g,
  volumeCm3: row.volume_cm3,
  barcode: row.barcode,
  active: row.active === 1,
})

export const toProductImage = (row: ProductImageTable): ProductImage => ({
  id: row.id,
  url: imageUrlOf(row.id),
  contentType: row.content_type,
  bytes: row.bytes,
  width: row.width,
  height: row.height,
  srcset: imageSrcsetOf(row.id, row.variant_widths),
  position: row.position,
})

/** Products with their shop's name and first image, for lists. */
export const selectProductCards = (db: Db) =>
  db
    .selectFrom('product')
    .innerJoin('shop', 'shop.id', 'product.shop_id')
    .leftJoin('product_image as cover', (join) =>
      join.on((eb) =>
        eb(
          'cover.id',
          '=',
          eb
            .selectFrom('product_image')
            .select('product_image.id')
            .whereRef('product_image.product_id', '=', 'product.id')
            .orderBy('product_image.position')
            .orderBy('product_image.id')
            .limit(1),
        ),
      ),
    )
    .selectAll('product')
    .select([
      'shop.name as shop_name',
      'cover.id as cover_id',
      'cover.width as cover_width',
      'cover.height as cover_height',
      'cover.variant_widths as cover_variant_widths',
    ])

type CardRow = ProductTable & {
  shop_name: string
  cover_id: string | null
  cover_width: number | null
  cover_height: number | null
  cover_variant_widths: string | null
}

/** Cards of these rows, with their places of origin named (geography's divisions). */
export async function toProductCards(db: Db, rows: readonly CardRow[]): Promise<ProductCard[]> {
  const origins = await findDivisionNames(
    db,
    rows.map((r) => r.origin_division_code),
  )
  return rows.map((row) =>
    toProductCard({
      ...row,
      origin_name:
        row.origin_division_code === null ? null : (origins.get(row.origin_division_code) ?? null),
    }),
  )
}

const toProductCard = (row: CardRow & { origin_name: string | null }): ProductCard => ({
  id: row.id,
  shopId: row.shop_id,
  shopName: row.shop_name,
  categoryId: row.category_id,
  title: row.title,
  subtitle: row.subtitle,
  localKind: row.local_kind,
  status: row.status,
  salesCount: row.sales_count,
  minPriceFen: row.min_price_fen,
  imageUrl: row.cover_id ? imageUrlOf(row.cover_id) : null,
  imageWidth: row.cover_width,
  imageHeight: row.cover_height,
  imageSrcset: row.cover_id ? imageSrcsetOf(row.cover_id, row.cover_variant_widths) : '',
  originName: row.origin_name,
})

/** Everything about one product; `activeSkusOnly` for shoppers, who never see retired SKUs. */
export async function loadProductDetail(
  db: Db,
  product: ProductTable,
  { activeSkusOnly = false }: { activeSkusOnly?: boolean } = {},
): Promise<ProductDetail> {
  let skuQuery = db.selectFrom('sku').selectAll().where('product_id', '=', product.id)
  if (activeSkusOnly) skuQuery = skuQuery.where('active', '=', 1)
  const [shop, category, series, skus, images, origins] = await Promise.all([
    db
      .selectFrom('shop')
      .select(['id', 'name'])
      .where('id', '=', product.shop_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('product_category as category')
      .leftJoin('product_category as parent', 'parent.id', 'category.parent_id')
      .select(['category.id', 'category.name', 'parent.name as parent_name'])
      .where('category.id', '=', product.category_id)
      .executeTakeFirstOrThrow(),
    product.brand_series_id === null
      ? undefined
      : db
          .selectFrom('brand_series')
          .innerJoin('brand', 'brand.id', 'brand_series.brand_id')
          .select(['brand_series.id', 'brand_series.name', 'brand.name as brand_name'])
          .where('brand_series.id', '=', product.brand_series_id)
          .executeTakeFirst(),
    skuQuery.orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('product_image')
      .selectAll()
      .where('product_id', '=', product.id)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    findDivisionPaths(db, [product.origin_division_code]),
  ])
  const originPath = origins.get(product.origin_division_code ?? '')
  return {
    id: product.id,
    shop,
    category: {
      id: category.id,
      name: category.name,
      path: [category.parent_name, category.name].filter((n): n is string => n !== null),
    },
    brandSeries: series ? { id: series.id, name: series.name, brandName: series.brand_name } : null,
    title: product.title,
    subtitle: product.subtitle,
    descriptionHtml: product.description_html,
    origin:
      originPath && product.origin_division_code
        ? { code: product.origin_division_code, name: originPath.at(-1) ?? '', path: originPath }
        : null,
    producer: product.producer,
    localKind: product.local_kind,
    status: product.status,
    salesCount: product.sales_count,
    minPriceFen: product.min_price_fen,
    skus: skus.map(toSku),
    images: images.map(toProductImage),
    createdAt: product.created_at,
    updatedAt: product.updated_at,
  }
}
