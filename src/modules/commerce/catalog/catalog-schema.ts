import { Type, type Static } from 'typebox'
import { Nullable } from '../../../platform/http/index.js'

// MKT-1: the catalog: categories, products, their SKUs and images.

export const PRODUCT_STATUSES = ['draft', 'on_sale', 'off_sale'] as const
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]
/** 本地生鲜 (fresh) or 本地特色 (specialty): SVC-1 measures the stores' share of both. */
export const LOCAL_KINDS = ['fresh', 'specialty'] as const
export type LocalKind = (typeof LOCAL_KINDS)[number]

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

export interface CatalogTables {
  product_category: ProductCategoryTable
  product: ProductTable
  sku: SkuTable
  product_image: ProductImageTable
}

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
