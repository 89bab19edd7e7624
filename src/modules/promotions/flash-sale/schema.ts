import type { Selectable } from 'kysely'
import { Type, type Static } from 'typebox'
import { Nullable } from '../../../platform/http/index.js'
import { ShareStats } from '../shared/index.js'

// 秒杀 flash sales: tables and the API's request and response shapes.

export const FLASH_SESSION_STATUSES = ['draft', 'scheduled', 'paused', 'ended'] as const
export type FlashSessionStatus = (typeof FLASH_SESSION_STATUSES)[number]

export const FLASH_HOLD_STATUSES = ['held', 'ordered', 'paid', 'released', 'refunded'] as const
export type FlashHoldStatus = (typeof FLASH_HOLD_STATUSES)[number]

export interface FlashSessionTable {
  id: string
  title: string
  starts_at: string
  ends_at: string
  payment_window_s: number
  per_user_limit: number
  status: FlashSessionStatus
  /** 1 while admissions are counted in Redis: loaded at start, reconciled at the end. */
  stock_in_redis: number
  reconciled_at: string | null
  created_by: string | null
  created_at: string
  updated_at: string
}

export interface FlashSkuTable {
  session_id: string
  sku_id: string
  sale_price_fen: number
  stock_total: number
  /** 0 ≤ stock_left ≤ stock_total (a check constraint). Stale while the stock is in Redis. */
  stock_left: number
  updated_at: string
}

/** Units a buyer holds in a session; units ≤ unit_limit is a check constraint. */
export interface FlashBuyerTable {
  session_id: string
  user_id: string
  units: number
  unit_limit: number
}

export interface FlashHoldTable {
  id: string
  session_id: string
  sku_id: string
  user_id: string
  quantity: number
  status: FlashHoldStatus
  order_id: string | null
  /** The share link the buyer was admitted through (MKT-2), given to the order at checkout. */
  share_code: string | null
  expires_at: string
  created_at: string
  updated_at: string
}

export interface FlashSaleTables {
  flash_session: FlashSessionTable
  flash_sku: FlashSkuTable
  flash_buyer: FlashBuyerTable
  flash_hold: FlashHoldTable
}

export type FlashSessionRow = Selectable<FlashSessionTable>
export type FlashSkuRow = Selectable<FlashSkuTable>
export type FlashHoldRow = Selectable<FlashHoldTable>

export const FlashSessionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 100 }),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    paymentWindowS: Type.Optional(Type.Integer({ minimum: 60, maximum: 3600, default: 300 })),
    perUserLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 99, default: 1 })),
    skus: Type.Array(
      Type.Object(
        {
          skuId: Type.String({ minLength: 1 }),
          salePriceFen: Type.Integer({ minimum: 1 }),
          stock: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
)
export type FlashSessionBody = Static<typeof FlashSessionBody>

export const FlashSessionStatus = Type.Enum(FLASH_SESSION_STATUSES)
export const FlashHoldStatus = Type.Enum(FLASH_HOLD_STATUSES)

export const FlashSkuView = Type.Object({
  skuId: Type.String(),
  productId: Type.String(),
  title: Type.String(),
  spec: Type.String(),
  priceFen: Type.Integer(),
  salePriceFen: Type.Integer(),
  stockTotal: Type.Integer(),
  stockLeft: Type.Integer(),
  soldOut: Type.Boolean(),
})
export type FlashSkuView = Static<typeof FlashSkuView>

export const FlashSession = Type.Object({
  id: Type.String(),
  title: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  paymentWindowS: Type.Integer(),
  perUserLimit: Type.Integer(),
  status: FlashSessionStatus,
  soldOut: Type.Boolean(),
  skus: Type.Array(FlashSkuView),
})
export type FlashSession = Static<typeof FlashSession>

export const FlashSessionList = Type.Object({
  /** The server's clock: the page counts down from it, not from the phone's. */
  serverTime: Type.String(),
  sessions: Type.Array(FlashSession),
})
export type FlashSessionList = Static<typeof FlashSessionList>

export const AdmissionBody = Type.Object(
  {
    skuId: Type.String({ minLength: 1 }),
    quantity: Type.Integer({ minimum: 1, maximum: 99 }),
  },
  { additionalProperties: false },
)
export type AdmissionBody = Static<typeof AdmissionBody>

export const FlashHold = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  skuId: Type.String(),
  quantity: Type.Integer(),
  salePriceFen: Type.Integer(),
  status: FlashHoldStatus,
  orderId: Nullable(Type.String()),
  expiresAt: Type.String(),
  serverTime: Type.String(),
})
export type FlashHold = Static<typeof FlashHold>

export const HoldCheckoutBody = Type.Object(
  {
    delivery: Type.Enum(['home', 'station_pickup', 'store_pickup']),
    addressId: Type.Optional(Type.String()),
    pickupLocationId: Type.Optional(Type.String()),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)
export type HoldCheckoutBody = Static<typeof HoldCheckoutBody>

export const FlashReport = Type.Object({
  sessionId: Type.String(),
  status: FlashSessionStatus,
  skus: Type.Array(
    Type.Object({
      skuId: Type.String(),
      stockTotal: Type.Integer(),
      stockLeft: Type.Integer(),
      /** Units ever admitted (every hold, whatever became of it). */
      admitted: Type.Integer(),
      held: Type.Integer(),
      ordered: Type.Integer(),
      paid: Type.Integer(),
      released: Type.Integer(),
      refunded: Type.Integer(),
    }),
  ),
  share: ShareStats,
})
export type FlashReport = Static<typeof FlashReport>
