import { Type, type Static } from 'typebox'
import { Nullable, PageQuery } from '../../../platform/http/index.js'

// BR-1: shops and their review.

export const SHOP_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const
export type ShopStatus = (typeof SHOP_STATUSES)[number]

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

export interface ShopTables {
  shop: ShopTable
}

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
