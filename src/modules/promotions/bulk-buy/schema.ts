import { Type, type Static } from 'typebox'
import { Nullable } from '../../../platform/http/index.js'
import { SkuLabelFields } from '../shared/index.js'
import { ShareStats } from '../shared/index.js'
import { PayAction, PaymentInfo } from '../../commerce/orders/order-schema.js'

// SVC-3 团购 (tiered bulk purchase, 社区团购): tables and the API's shapes.

export const CAMPAIGN_STATUSES = ['draft', 'open', 'paused', 'settled', 'failed'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]
export const BULK_ORDER_STATUSES = ['held', 'paid', 'released', 'settled', 'refunded'] as const
export type BulkOrderStatus = (typeof BULK_ORDER_STATUSES)[number]

export interface BulkCampaignTable {
  id: string
  sku_id: string
  title: string
  /** Tier[] (ladder.ts), sorted by minQuantity, the first from 0. */
  ladder_json: string
  min_quantity: number
  cap: number
  per_user_max: number
  starts_at: string
  ends_at: string
  pickup_location_id: string | null
  /** Shanghai calendar date the goods wait at the pickup store (次日自提). */
  pickup_date: string | null
  status: CampaignStatus
  /** Units of paid orders; with reserved_quantity never above cap. */
  paid_quantity: number
  /** Units of orders placed and not yet paid or lapsed. */
  reserved_quantity: number
  final_price_fen: number | null
  settled_at: string | null
  created_by: string | null
  created_at: string
  updated_at: string
}

export interface BulkOrderTable {
  id: string
  campaign_id: string
  order_id: string
  user_id: string
  quantity: number
  unit_paid_fen: number
  status: BulkOrderStatus
  refunded_fen: number
  created_at: string
  updated_at: string
}

export interface BulkBuyerTable {
  campaign_id: string
  user_id: string
  quantity: number
}

export interface BulkBuyTables {
  bulk_campaign: BulkCampaignTable
  bulk_order: BulkOrderTable
  bulk_buyer: BulkBuyerTable
}

export const TierSchema = Type.Object(
  { minQuantity: Type.Integer({ minimum: 0 }), priceFen: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
)

export const CreateCampaignBody = Type.Object(
  {
    skuId: Type.String({ minLength: 1 }),
    title: Type.String({ minLength: 1, maxLength: 60 }),
    ladder: Type.Array(TierSchema, { minItems: 1, maxItems: 10 }),
    minQuantity: Type.Integer({ minimum: 1 }),
    cap: Type.Integer({ minimum: 1 }),
    perUserMax: Type.Integer({ minimum: 1 }),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    pickupLocationId: Type.Optional(Type.String()),
    pickupDate: Type.Optional(Type.String({ format: 'date' })),
    /** Open at once (default) or keep as a draft. */
    open: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type CreateCampaignBody = Static<typeof CreateCampaignBody>

export const CampaignStatusBody = Type.Object(
  { status: Type.Enum(['open', 'paused']) },
  { additionalProperties: false },
)

export const Campaign = Type.Object({
  id: Type.String(),
  skuId: Type.String(),
  title: Type.String(),
  ladder: Type.Array(TierSchema),
  minQuantity: Type.Integer(),
  cap: Type.Integer(),
  perUserMax: Type.Integer(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  pickupLocationId: Nullable(Type.String()),
  pickupDate: Nullable(Type.String()),
  status: Type.Enum(CAMPAIGN_STATUSES),
  paidQuantity: Type.Integer(),
  reservedQuantity: Type.Integer(),
  finalPriceFen: Nullable(Type.Integer()),
  settledAt: Nullable(Type.String()),
  createdAt: Type.String(),
})
export type Campaign = Static<typeof Campaign>

/** What the signed-in viewer has bought and may still buy; null when signed out. */
export const CampaignViewer = Type.Object({
  paidQuantity: Type.Integer({ description: "the viewer's paid units" }),
  canBuyQuantity: Type.Integer({ description: '0 when the campaign takes no orders now' }),
})
export type CampaignViewer = Static<typeof CampaignViewer>

/** Live progress, exact: "已团 312 件，再 188 件降到 ¥38.00". */
export const CampaignProgress = Type.Object({
  id: Type.String(),
  title: Type.String(),
  ...SkuLabelFields,
  status: Type.Enum(CAMPAIGN_STATUSES),
  ladder: Type.Array(TierSchema),
  paidQuantity: Type.Integer(),
  currentPriceFen: Type.Integer(),
  nextTier: Nullable(TierSchema),
  unitsToNextTier: Nullable(Type.Integer()),
  minQuantity: Type.Integer(),
  unitsToMinimum: Type.Integer(),
  left: Type.Integer({ description: 'units still available under the cap' }),
  perUserMax: Type.Integer(),
  capQuantity: Nullable(Type.Integer({ description: 'units the campaign sells at most' })),
  text: Type.String(),
  endsAt: Type.String(),
  pickupLocationId: Nullable(Type.String()),
  pickupDate: Nullable(Type.String()),
  serverTime: Type.String(),
  viewer: Nullable(CampaignViewer),
})
export type CampaignProgress = Static<typeof CampaignProgress>

export const CampaignReport = Type.Object({
  campaignId: Type.String(),
  status: Type.Enum(CAMPAIGN_STATUSES),
  paidQuantity: Type.Integer(),
  finalPriceFen: Nullable(Type.Integer()),
  buyers: Type.Integer(),
  orders: Type.Record(Type.String(), Type.Integer()),
  paidFen: Type.Integer(),
  refundedFen: Type.Integer(),
  share: ShareStats,
})

export const JoinBody = Type.Object(
  {
    quantity: Type.Integer({ minimum: 1 }),
    delivery: Type.Union([
      Type.Literal('home'),
      Type.Literal('station_pickup'),
      Type.Literal('store_pickup'),
    ]),
    addressId: Type.Optional(Type.String()),
    pickupLocationId: Type.Optional(Type.String()),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)
export type JoinBody = Static<typeof JoinBody>

/** One open campaign of the public list, with the line its detail page shows. */
export const OpenCampaign = Type.Object({
  id: Type.String(),
  title: Type.String(),
  skuId: Type.String(),
  ...SkuLabelFields,
  currentPriceFen: Type.Integer(),
  text: Type.String({ description: 'the exact progress line, as on the detail' }),
  left: Type.Integer(),
  pickupLocationId: Nullable(Type.String()),
  pickupStoreName: Nullable(Type.String()),
  pickupDate: Nullable(Type.String()),
  endsAt: Type.String(),
})
export type OpenCampaign = Static<typeof OpenCampaign>

export const BulkBuyJoined = Type.Object({
  bulkOrderId: Type.String(),
  orderId: Type.String(),
  unitPriceFen: Type.Integer(),
  payment: PaymentInfo,
  action: Nullable(PayAction),
})
export type BulkBuyJoined = Static<typeof BulkBuyJoined>
