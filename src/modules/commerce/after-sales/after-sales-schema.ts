import { Type, type Static } from 'typebox'
import { Nullable, PageQuery } from '../../../platform/http/index.js'

// GOV-2: after-sales requests and complaints (tables).

export const AFTER_SALE_STATUSES = [
  'awaiting_merchant',
  'escalated',
  /** 退货退款 approved: the buyer sends the goods back. */
  'awaiting_return',
  /** The goods are on their way back; the merchant confirms receiving them. */
  'returning',
  'approved',
  'rejected',
  'refunded',
] as const
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number]

export interface AfterSaleTable {
  id: string
  order_id: string
  user_id: string
  kind: 'refund_only' | 'return_refund'
  amount_fen: number
  /** What was approved (a partial refund may be less than asked); null until approved. */
  approved_fen: number | null
  /** 退货退款: how the buyer sent the goods back, and when. */
  return_carrier: string | null
  return_waybill_no: string | null
  return_shipped_at: string | null
  reason: string
  status: AfterSaleStatus
  /** The merchant answers by then, or the request goes to the operating company. */
  respond_by: string
  merchant_note: string | null
  operator_note: string | null
  refund_id: string | null
  created_at: string
  updated_at: string
}

export const COMPLAINT_KINDS = ['complaint', 'counterfeit', 'fraud'] as const
export const COMPLAINT_STATUSES = ['open', 'handling', 'resolved', 'dismissed'] as const

export interface ComplaintTable {
  id: string
  user_id: string
  kind: (typeof COMPLAINT_KINDS)[number]
  order_id: string | null
  shop_id: string | null
  description: string
  status: (typeof COMPLAINT_STATUSES)[number]
  resolution: string | null
  handled_by: string | null
  created_at: string
  updated_at: string
}

export interface AfterSalesTables {
  after_sale: AfterSaleTable
  complaint: ComplaintTable
}

// GOV-2: the API shapes of after-sales requests and complaints (after-sales-routes.ts); the
// console and the H5 shop share these.

export const AfterSaleKind = Type.Enum(['refund_only', 'return_refund'])
export type AfterSaleKind = Static<typeof AfterSaleKind>
export const ComplaintKind = Type.Enum(COMPLAINT_KINDS)
export type ComplaintKind = Static<typeof ComplaintKind>
export const ComplaintStatus = Type.Enum(COMPLAINT_STATUSES)
export type ComplaintStatus = Static<typeof ComplaintStatus>

export const AfterSale = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  kind: AfterSaleKind,
  amountFen: Type.Integer({ description: 'what the buyer asked for' }),
  approvedFen: Nullable(
    Type.Integer({ description: 'what was approved: less than asked is a partial refund' }),
  ),
  returnCarrier: Nullable(Type.String()),
  returnWaybillNo: Nullable(Type.String()),
  returnShippedAt: Nullable(Type.String()),
  reason: Type.String(),
  status: Type.Enum(AFTER_SALE_STATUSES),
  /** The merchant answers by then, or the request goes to the operating company. */
  respondBy: Type.String(),
  merchantNote: Nullable(Type.String()),
  operatorNote: Nullable(Type.String()),
  createdAt: Type.String(),
})
export type AfterSale = Static<typeof AfterSale>
export const AfterSaleBody = Type.Object(
  {
    kind: AfterSaleKind,
    amountFen: Type.Integer({ minimum: 1 }),
    reason: Type.String({ minLength: 2, maxLength: 500 }),
  },
  { additionalProperties: false },
)
export type AfterSaleBody = Static<typeof AfterSaleBody>
export const ReturnShipmentBody = Type.Object(
  {
    carrier: Type.String({ minLength: 2, maxLength: 40, description: 'e.g. 中国邮政, 中通快递' }),
    waybillNo: Type.String({ pattern: '^[A-Za-z0-9-]{6,32}$' }),
  },
  { additionalProperties: false },
)
export type ReturnShipmentBody = Static<typeof ReturnShipmentBody>
export const DecisionBody = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject']),
    /** Required to refuse: the buyer reads it. */
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    /** Approving less than the buyer asked for (a partial refund); at most the amount asked. */
    amountFen: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
)
export type DecisionBody = Static<typeof DecisionBody>
// The console's list names the order and the shop, so nobody reads order ids.
export const StaffAfterSale = Type.Object({
  ...AfterSale.properties,
  orderNo: Type.String(),
  shopName: Type.String(),
})
export type StaffAfterSale = Static<typeof StaffAfterSale>
export const AfterSaleQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(Type.Enum(AFTER_SALE_STATUSES)),
})
export type AfterSaleQuery = Static<typeof AfterSaleQuery>

export const Complaint = Type.Object({
  id: Type.String(),
  kind: ComplaintKind,
  orderId: Nullable(Type.String()),
  shopId: Nullable(Type.String()),
  description: Type.String(),
  status: ComplaintStatus,
  resolution: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})
export type Complaint = Static<typeof Complaint>
export const ComplaintBody = Type.Object(
  {
    kind: ComplaintKind,
    orderId: Type.Optional(Type.String({ minLength: 1 })),
    shopId: Type.Optional(Type.String({ minLength: 1 })),
    description: Type.String({ minLength: 5, maxLength: 2000 }),
  },
  { additionalProperties: false },
)
export type ComplaintBody = Static<typeof ComplaintBody>
export const StaffComplaint = Type.Object({
  ...Complaint.properties,
  orderNo: Nullable(Type.String()),
  shopName: Nullable(Type.String()),
})
export type StaffComplaint = Static<typeof StaffComplaint>
export const ComplaintQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(ComplaintStatus),
  kind: Type.Optional(ComplaintKind),
})
export type ComplaintQuery = Static<typeof ComplaintQuery>
export const HandleComplaintBody = Type.Object(
  {
    status: ComplaintStatus,
    resolution: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
)
export type HandleComplaintBody = Static<typeof HandleComplaintBody>
