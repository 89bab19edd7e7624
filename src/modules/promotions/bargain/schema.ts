import { Type, type Static } from 'typebox'
import { Nullable } from '../../../platform/http/index.js'
import { SkuLabelFields } from '../shared/index.js'
import { ShareStats } from '../shared/index.js'
import { PayAction, PaymentInfo } from '../../commerce/orders/order-schema.js'

// SVC-3 砍价: tables and the API's shapes.

export const ACTIVITY_STATUSES = ['active', 'paused', 'ended'] as const
export type BargainActivityStatus = (typeof ACTIVITY_STATUSES)[number]
export const BARGAIN_STATUSES = ['open', 'floor_reached', 'bought', 'expired'] as const
export type BargainStatus = (typeof BARGAIN_STATUSES)[number]

export interface BargainActivityTable {
  id: string
  sku_id: string
  title: string
  original_price_fen: number
  floor_price_fen: number
  helpers_needed: number
  duration_s: number
  stock: number
  /** Units of bargain orders placed and not lapsed: never above `stock`. */
  stock_taken: number
  per_user_launch_limit: number
  helper_daily_quota: number
  buy_before_floor: number
  starts_at: string
  ends_at: string
  status: BargainActivityStatus
  created_by: string | null
  created_at: string
  updated_at: string
}

export interface BargainTable {
  id: string
  activity_id: string
  launcher_user_id: string
  launch_no: number
  /** The PRNG seed the cuts were planned from (plan-cuts.ts): the audit trail of the outcome. */
  seed: number
  /** The N cuts in fen, in the order helpers take them. */
  cuts_json: string
  original_price_fen: number
  floor_price_fen: number
  helpers_needed: number
  helps_done: number
  current_price_fen: number
  status: BargainStatus
  /** The unpaid order placed at the current price; helps stop while it is set. */
  order_id: string | null
  /** The share link the launcher came through (MKT-2), given to the order when they buy. */
  share_code: string | null
  expires_at: string
  finished_at: string | null
  created_at: string
  updated_at: string
}

export interface BargainHelpTable {
  id: string
  bargain_id: string
  helper_user_id: string
  cut_index: number
  cut_fen: number
  created_at: string
}

export interface BargainHelperDayTable {
  activity_id: string
  helper_user_id: string
  /** Shanghai calendar date, YYYY-MM-DD. */
  day: string
  helps: number
}

export interface BargainTables {
  bargain_activity: BargainActivityTable
  bargain: BargainTable
  bargain_help: BargainHelpTable
  bargain_helper_day: BargainHelperDayTable
}

const Fen = Type.Integer({ minimum: 0 })

export const CreateBargainActivityBody = Type.Object(
  {
    skuId: Type.String({ minLength: 1 }),
    title: Type.String({ minLength: 1, maxLength: 60 }),
    originalPriceFen: Type.Integer({ minimum: 1 }),
    floorPriceFen: Fen,
    helpersNeeded: Type.Integer({ minimum: 1, maximum: 200 }),
    durationS: Type.Optional(Type.Integer({ minimum: 600, maximum: 7 * 86400 })),
    stock: Type.Integer({ minimum: 1 }),
    perUserLaunchLimit: Type.Integer({ minimum: 1, maximum: 100 }),
    helperDailyQuota: Type.Integer({ minimum: 1, maximum: 100 }),
    buyBeforeFloor: Type.Boolean(),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
)
export type CreateBargainActivityBody = Static<typeof CreateBargainActivityBody>

export const BargainActivityStatusBody = Type.Object(
  { status: Type.Enum(ACTIVITY_STATUSES) },
  { additionalProperties: false },
)

export const BargainActivity = Type.Object({
  id: Type.String(),
  skuId: Type.String(),
  title: Type.String(),
  originalPriceFen: Type.Integer(),
  floorPriceFen: Type.Integer(),
  helpersNeeded: Type.Integer(),
  durationS: Type.Integer(),
  stock: Type.Integer(),
  stockTaken: Type.Integer(),
  perUserLaunchLimit: Type.Integer(),
  helperDailyQuota: Type.Integer(),
  buyBeforeFloor: Type.Boolean(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  status: Type.Enum(ACTIVITY_STATUSES),
  createdAt: Type.String(),
})
export type BargainActivity = Static<typeof BargainActivity>

export const BargainActivityReport = Type.Object({
  activityId: Type.String(),
  bargains: Type.Record(Type.String(), Type.Integer()),
  helps: Type.Integer(),
  helpers: Type.Integer(),
  ordersPaid: Type.Integer(),
  paidFen: Type.Integer(),
  stock: Type.Integer(),
  stockTaken: Type.Integer(),
  share: ShareStats,
})

export const BargainHelper = Type.Object({
  name: Type.String({ description: 'masked: 张*' }),
  cutFen: Type.Integer(),
  at: Type.String(),
})

/** Who is looking at a bargain; null when signed out. */
export const BargainViewer = Type.Object({
  isLauncher: Type.Boolean(),
  helped: Type.Boolean(),
  cutFen: Nullable(Type.Integer({ description: "the viewer's own cut, when they helped" })),
})
export type BargainViewer = Static<typeof BargainViewer>

/** Progress in exact amounts: never a rounded percentage (misleading, Shanghai court 2022). */
export const BargainProgress = Type.Object({
  id: Type.String(),
  activityId: Type.String(),
  title: Type.String(),
  ...SkuLabelFields,
  status: Type.Enum(BARGAIN_STATUSES),
  originalPriceFen: Type.Integer(),
  floorPriceFen: Type.Integer(),
  currentPriceFen: Type.Integer(),
  remainingFen: Type.Integer({ description: 'current − floor, exact' }),
  helpersNeeded: Type.Integer(),
  helpsDone: Type.Integer(),
  remainingHelpers: Type.Integer(),
  text: Type.String({ description: '还差 ¥12.34，再邀 3 位好友' }),
  canBuyNow: Type.Boolean(),
  orderId: Nullable(Type.String()),
  expiresAt: Type.String(),
  serverTime: Type.String(),
  seed: Type.Integer({ description: 'the cuts can be recomputed from it (plan-cuts.ts)' }),
  helpers: Type.Array(BargainHelper),
  viewer: Nullable(BargainViewer),
  shareCode: Nullable(
    Type.String({ description: 'the link friends open to help: /h5/share/{code} (MKT-2)' }),
  ),
})
export type BargainProgress = Static<typeof BargainProgress>

export const HelpResult = Type.Object({
  cutFen: Type.Integer(),
  cutIndex: Type.Integer(),
  progress: BargainProgress,
})

export const BuyBody = Type.Object(
  {
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
export type BuyBody = Static<typeof BuyBody>

/** One activity of the public list: what is sold, the prices and what launching asks. */
export const RunningBargainActivity = Type.Object({
  id: Type.String(),
  title: Type.String(),
  skuId: Type.String(),
  ...SkuLabelFields,
  originalPriceFen: Type.Integer(),
  floorPriceFen: Type.Integer(),
  helpersNeeded: Type.Integer(),
  durationS: Type.Integer({ description: 'how long a launched bargain runs' }),
  stockLeft: Type.Integer(),
  buyBeforeFloor: Type.Boolean(),
  endsAt: Type.String(),
})
export type RunningBargainActivity = Static<typeof RunningBargainActivity>

export const BargainOrdered = Type.Object({
  bargainId: Type.String(),
  orderId: Type.String(),
  payment: PaymentInfo,
  action: Nullable(PayAction),
})
export type BargainOrdered = Static<typeof BargainOrdered>
