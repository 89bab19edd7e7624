import { Type, type Static } from 'typebox'
import { Nullable, PageQuery } from '../../../platform/http/index.js'
import { LOCAL_KINDS, PRODUCT_STATUSES } from './catalog-schema.js'

// Request and response shapes of products, SKUs and images: the merchant's side and the H5 shop's.

export const LocalKind = Type.Enum(LOCAL_KINDS)
export const ProductStatus = Type.Enum(PRODUCT_STATUSES)

const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'price in fen (分)' })

export const SkuInput = Type.Object(
  {
    spec: Type.String({ minLength: 1, maxLength: 60, description: 'e.g. 500g×2袋' }),
    unit: Type.String({ minLength: 1, maxLength: 10, description: 'e.g. 袋, 盒, 斤' }),
    priceFen: Fen,
    weightG: Type.Integer({ minimum: 1, maximum: 100_000 }),
    volumeCm3: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    barcode: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z-]{4,32}$' })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type SkuInput = Static<typeof SkuInput>
export const UpdateSkuBody = Type.Partial(SkuInput, {
  additionalProperties: false,
  minProperties: 1,
})
export type UpdateSkuBody = Static<typeof UpdateSkuBody>

const ProductFields = {
  categoryId: Type.String({ minLength: 1 }),
  brandSeriesId: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
  title: Type.String({ minLength: 2, maxLength: 60 }),
  subtitle: Type.Optional(Type.String({ maxLength: 120 })),
  descriptionHtml: Type.Optional(Type.String({ maxLength: 50_000 })),
  originDivisionCode: Type.Optional(Nullable(Type.String({ pattern: '^\\d{9,12}$' }))),
  producer: Type.Optional(Type.String({ maxLength: 60 })),
  localKind: Type.Optional(Nullable(LocalKind)),
}

export const CreateProductBody = Type.Object(
  {
    /** Needed only when the caller runs more than one shop (county clerks always). */
    shopId: Type.Optional(Type.String({ minLength: 1 })),
    ...ProductFields,
    skus: Type.Array(SkuInput, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
)
export type CreateProductBody = Static<typeof CreateProductBody>

export const UpdateProductBody = Type.Partial(Type.Object(ProductFields), {
  additionalProperties: false,
  minProperties: 1,
})
export type UpdateProductBody = Static<typeof UpdateProductBody>

export const ProductStatusBody = Type.Object(
  { status: ProductStatus },
  { additionalProperties: false },
)

export const Sku = Type.Object({
  id: Type.String(),
  spec: Type.String(),
  unit: Type.String(),
  priceFen: Type.Integer(),
  weightG: Type.Integer(),
  volumeCm3: Type.Integer(),
  barcode: Nullable(Type.String()),
  active: Type.Boolean(),
})
export type Sku = Static<typeof Sku>

const IMAGE_SRCSET = Type.String({
  description:
    'The WebP widths for an <img srcset>: "/api/commerce/images/{id}?w=240 240w, …" (never wider than the original); empty for images uploaded before widths were made',
})

export const ProductImage = Type.Object({
  id: Type.String(),
  url: Type.String({ description: 'The original, as uploaded' }),
  contentType: Type.String(),
  bytes: Type.Integer(),
  width: Nullable(Type.Integer({ description: 'Pixels, upright (EXIF orientation applied)' })),
  height: Nullable(Type.Integer()),
  srcset: IMAGE_SRCSET,
  position: Type.Integer(),
})
export type ProductImage = Static<typeof ProductImage>

const Origin = Type.Object({
  code: Type.String(),
  name: Type.String(),
  /** County → township → village names. */
  path: Type.Array(Type.String()),
})

/** What both the merchant and the H5 shop see of one product. */
export const ProductDetail = Type.Object({
  id: Type.String(),
  shop: Type.Object({ id: Type.String(), name: Type.String() }),
  category: Type.Object({
    id: Type.String(),
    name: Type.String(),
    path: Type.Array(Type.String()),
  }),
  brandSeries: Nullable(
    Type.Object({ id: Type.String(), name: Type.String(), brandName: Type.String() }),
  ),
  title: Type.String(),
  subtitle: Type.String(),
  descriptionHtml: Type.String(),
  origin: Nullable(Origin),
  producer: Type.String(),
  localKind: Nullable(LocalKind),
  status: ProductStatus,
  salesCount: Type.Integer(),
  minPriceFen: Nullable(Type.Integer()),
  skus: Type.Array(Sku),
  images: Type.Array(ProductImage),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})
export type ProductDetail = Static<typeof ProductDetail>

/** One row of a product list (the H5 search results, the merchant's table). */
export const ProductCard = Type.Object({
  id: Type.String(),
  shopId: Type.String(),
  shopName: Type.String(),
  categoryId: Type.String(),
  title: Type.String(),
  subtitle: Type.String(),
  localKind: Nullable(LocalKind),
  status: ProductStatus,
  salesCount: Type.Integer(),
  minPriceFen: Nullable(Type.Integer()),
  /** The first image, as uploaded; imageSrcset has its widths for the screen. */
  imageUrl: Nullable(Type.String()),
  imageWidth: Nullable(Type.Integer()),
  imageHeight: Nullable(Type.Integer()),
  imageSrcset: IMAGE_SRCSET,
  originName: Nullable(Type.String()),
})
export type ProductCard = Static<typeof ProductCard>

export const SEARCH_SORTS = ['relevance', 'sales', 'price_asc', 'price_desc', 'newest'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

export const ProductSearchQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 50 })),
  categoryId: Type.Optional(Type.String({ minLength: 1 })),
  localKind: Type.Optional(LocalKind),
  shopId: Type.Optional(Type.String({ minLength: 1 })),
  minPriceFen: Type.Optional(Type.Integer({ minimum: 0 })),
  maxPriceFen: Type.Optional(Type.Integer({ minimum: 0 })),
  sort: Type.Optional(Type.Enum(SEARCH_SORTS)),
})
export type ProductSearchQuery = Static<typeof ProductSearchQuery>

export const MerchantProductQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 50 })),
  status: Type.Optional(ProductStatus),
  shopId: Type.Optional(Type.String({ minLength: 1 })),
})
export type MerchantProductQuery = Static<typeof MerchantProductQuery>

export const SkuParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  skuId: Type.String({ minLength: 1, maxLength: 64 }),
})
export const ImageParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  imageId: Type.String({ minLength: 1, maxLength: 64 }),
})
