import { Type, type Static } from 'typebox'
import { Nullable, PageQuery } from '../../platform/http/index.js'

// BR-1, MKT-1: shops, the county brand with its series and licences, the catalog.

export const SHOP_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const
export type ShopStatus = (typeof SHOP_STATUSES)[number]
export const PRODUCT_STATUSES = ['draft', 'on_sale', 'off_sale'] as const
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]
/** 本地生鲜 (fresh) or 本地特色 (specialty): SVC-1 measures the stores' share of both. */
export const LOCAL_KINDS = ['fresh', 'specialty'] as const
export type LocalKind = (typeof LOCAL_KINDS)[number]

export interface ShopTable {
  id: string
  /** One shop per merchant or enterprise organization. */
  organization_id: string
  name: string
  intro: string
  status: ShopStatus
  review_note: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  applied_at: string
  created_at: string
  updated_at: string
}

export interface BrandTable {
  id: string
  name: string
  story: string
  created_at: string
  updated_at: string
}

export interface BrandSeriesTable {
  id: string
  brand_id: string
  name: string
  description: string
  created_at: string
  updated_at: string
}

/** The right of a merchant organization to sell under the brand: one series, or all (series_id null). */
export interface BrandLicenseTable {
  id: string
  brand_id: string
  series_id: string | null
  organization_id: string
  /** Shanghai calendar dates, YYYY-MM-DD, both inclusive; valid_to null means open-ended. */
  valid_from: string
  valid_to: string | null
  revoked_at: string | null
  revoked_reason: string | null
  granted_by: string | null
  created_at: string
}

export interface ProductCategoryTable {
  id: string
  /** Null for a top-level category; categories are two levels deep. */
  parent_id: string | null
  name: string
  sort_order: number
  created_at: string
}

export interface ProductTable {
  id: string
  shop_id: string
  category_id: string
  brand_series_id: string | null
  title: string
  subtitle: string
  /** Sanitized HTML (rich-text.ts); never stored as the merchant sent it. */
  description_html: string
  /** A village (or township) division code: where the product comes from. */
  origin_division_code: string | null
  producer: string
  local_kind: LocalKind | null
  status: ProductStatus
  sales_count: number
  /** The cheapest active SKU, kept with every SKU change so search can filter and sort on it. */
  min_price_fen: number | null
  /** Lower-cased title, shop, category, brand, origin and description text: what search reads. */
  search_text: string
  published_at: string | null
  created_at: string
  updated_at: string
}

export interface SkuTable {
  id: string
  product_id: string
  spec: string
  unit: string
  price_fen: number
  weight_g: number
  volume_cm3: number
  barcode: string | null
  active: number
  position: number
  created_at: string
  updated_at: string
}

export interface ProductImageTable {
  id: string
  product_id: string
  storage_key: string
  content_type: string
  bytes: number
  /** Pixels, upright (EXIF orientation applied); from the header alone for older uploads. */
  width: number | null
  height: number | null
  /** JSON array of the WebP widths stored beside the original; null before variants existed. */
  variant_widths: string | null
  position: number
  created_at: string
}

/** SQLite only: the FTS5 trigram index over product.search_text. */
export interface ProductFtsTable {
  product_id: string
  search_text: string
}

export interface CatalogTables {
  shop: ShopTable
  brand: BrandTable
  brand_series: BrandSeriesTable
  brand_license: BrandLicenseTable
  product_category: ProductCategoryTable
  product: ProductTable
  sku: SkuTable
  product_image: ProductImageTable
  product_fts: ProductFtsTable
}

// ---- shops ----

const Name = Type.String({ minLength: 1, maxLength: 60 })
const LongText = Type.String({ maxLength: 2000 })

export const ShopStatus = Type.Enum(SHOP_STATUSES)
export const Shop = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  organizationName: Type.String(),
  name: Type.String(),
  intro: Type.String(),
  status: ShopStatus,
  reviewNote: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  appliedAt: Type.String(),
})
export type Shop = Static<typeof Shop>

export const ApplyShopBody = Type.Object(
  {
    /** Needed only when the caller administers more than one organization. */
    organizationId: Type.Optional(Type.String({ minLength: 1 })),
    name: Name,
    intro: Type.Optional(LongText),
  },
  { additionalProperties: false },
)
export type ApplyShopBody = Static<typeof ApplyShopBody>

export const UpdateShopBody = Type.Object(
  { name: Type.Optional(Name), intro: Type.Optional(LongText) },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateShopBody = Static<typeof UpdateShopBody>

export const REVIEW_DECISIONS = ['approve', 'reject', 'suspend', 'reinstate'] as const
export const ReviewShopBody = Type.Object(
  {
    decision: Type.Enum(REVIEW_DECISIONS),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)
export type ReviewShopBody = Static<typeof ReviewShopBody>

export const ShopListQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(ShopStatus),
  q: Type.Optional(Type.String({ maxLength: 50 })),
})
export type ShopListQuery = Static<typeof ShopListQuery>

// ---- brand ----

export const BrandSeries = Type.Object({
  id: Type.String(),
  brandId: Type.String(),
  name: Type.String(),
  description: Type.String(),
})
export type BrandSeries = Static<typeof BrandSeries>

export const Brand = Type.Object({
  id: Type.String(),
  name: Type.String(),
  story: Type.String(),
  series: Type.Array(BrandSeries),
})
export type Brand = Static<typeof Brand>

export const BrandBody = Type.Object(
  { name: Name, story: Type.Optional(LongText) },
  { additionalProperties: false },
)
export type BrandBody = Static<typeof BrandBody>
export const UpdateBrandBody = Type.Partial(BrandBody, {
  additionalProperties: false,
  minProperties: 1,
})
export type UpdateBrandBody = Static<typeof UpdateBrandBody>

export const SeriesBody = Type.Object(
  { name: Name, description: Type.Optional(LongText) },
  { additionalProperties: false },
)
export type SeriesBody = Static<typeof SeriesBody>
export const UpdateSeriesBody = Type.Partial(SeriesBody, {
  additionalProperties: false,
  minProperties: 1,
})
export type UpdateSeriesBody = Static<typeof UpdateSeriesBody>

const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })

export const GrantLicenseBody = Type.Object(
  {
    organizationId: Type.String({ minLength: 1 }),
    /** Omitted: the whole brand, every series. */
    seriesId: Type.Optional(Type.String({ minLength: 1 })),
    validFrom: CalendarDate,
    validTo: Type.Optional(CalendarDate),
  },
  { additionalProperties: false },
)
export type GrantLicenseBody = Static<typeof GrantLicenseBody>

export const RevokeLicenseBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
)

export const BrandLicense = Type.Object({
  id: Type.String(),
  brandId: Type.String(),
  seriesId: Nullable(Type.String()),
  seriesName: Nullable(Type.String()),
  organizationId: Type.String(),
  organizationName: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  revokedReason: Nullable(Type.String()),
  /** Not revoked and today within its dates. */
  valid: Type.Boolean(),
})
export type BrandLicense = Static<typeof BrandLicense>

// ---- categories ----

export const Category = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  name: Type.String(),
  children: Type.Array(
    Type.Object({ id: Type.String(), parentId: Nullable(Type.String()), name: Type.String() }),
  ),
})
export type Category = Static<typeof Category>

export const CategoryBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 30 }),
    parentId: Type.Optional(Type.String({ minLength: 1 })),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
)
export type CategoryBody = Static<typeof CategoryBody>
