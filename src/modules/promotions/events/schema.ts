import { Type, type Static } from 'typebox'
import { Nullable, PageQuery } from '../../../platform/http/index.js'

// SVC-4 offline promotion events: tables and API shapes.

export const EVENT_STATUSES = ['planned', 'held', 'cancelled'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]

export interface PromotionEventTable {
  id: string
  title: string
  place: string
  division_code: string
  starts_at: string
  ends_at: string
  description: string
  status: EventStatus
  visitors: number | null
  orders_count: number | null
  sales_fen: number | null
  result_note: string | null
  cancel_reason: string | null
  created_by: string | null
  created_at: string
  updated_at: string
}

export interface PromotionEventProductTable {
  event_id: string
  product_id: string
}

export interface EventTables {
  promotion_event: PromotionEventTable
  promotion_event_product: PromotionEventProductTable
}

export const EventBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 80 }),
    place: Type.String({ minLength: 2, maxLength: 120 }),
    divisionCode: Type.String({ pattern: '^\\d{6}(\\d{3})?(\\d{3})?$' }),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    description: Type.String({ maxLength: 2000 }),
    productIds: Type.Array(Type.String({ minLength: 1 }), { maxItems: 50, uniqueItems: true }),
  },
  { additionalProperties: false },
)
export type EventBody = Static<typeof EventBody>

export const EventResultBody = Type.Object(
  {
    visitors: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    ordersCount: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    salesFen: Type.Integer({ minimum: 0, maximum: 100_000_000_00 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
)
export type EventResultBody = Static<typeof EventResultBody>

export const CancelEventBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
)

export const EventQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(Type.Enum(EVENT_STATUSES)),
  year: Type.Optional(Type.Integer({ minimum: 2019, maximum: 2100 })),
})
export type EventQuery = Static<typeof EventQuery>

export const PromotionEvent = Type.Object({
  id: Type.String(),
  title: Type.String(),
  place: Type.String(),
  divisionCode: Type.String(),
  region: Type.String({ description: 'the division path from the county down, e.g. 某县 某镇' }),
  startsAt: Type.String(),
  endsAt: Type.String(),
  description: Type.String(),
  status: Type.Enum(EVENT_STATUSES),
  products: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  visitors: Nullable(Type.Integer()),
  ordersCount: Nullable(Type.Integer()),
  salesFen: Nullable(Type.Integer()),
  resultNote: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  shareCode: Nullable(Type.String({ description: 'the invitation link: /h5/share/{code}' })),
  shareVisits: Type.Integer(),
})
export type PromotionEvent = Static<typeof PromotionEvent>
