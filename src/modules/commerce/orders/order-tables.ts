// Issue 4: stock per location, carts, addresses, orders, payments and refunds (tables).

/** The promotions an order can be placed through (SVC-3): 秒杀, 拼团, 砍价, 团购. */
export const PROMOTION_KINDS = ['flash_sale', 'team_buy', 'bargain', 'bulk_buy'] as const
export type PromotionKind = (typeof PROMOTION_KINDS)[number]

export const STOCK_LOCATION_KINDS = ['warehouse', 'store', 'station'] as const
export type StockLocationKind = (typeof STOCK_LOCATION_KINDS)[number]

export const DELIVERY_KINDS = ['home', 'station_pickup', 'store_pickup', 'counter'] as const
export type DeliveryKind = (typeof DELIVERY_KINDS)[number]

export const ORDER_STATUSES = [
  'created',
  'paid',
  'ready_for_pickup',
  'shipped',
  'completed',
  'cancelled',
  'refunding',
  'refunded',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export interface StockLocationTable {
  id: string
  kind: StockLocationKind
  name: string
  organization_id: string | null
  site_id: string | null
  division_code: string
  address: string
  opening_hours: string
  active: number
  created_at: string
}

/** available + reserved + sold = received: every change moves units between the columns. */
export interface StockLevelTable {
  sku_id: string
  location_id: string
  available: number
  reserved: number
  sold: number
  received: number
  updated_at: string
}

export interface StockMovementTable {
  id: string
  sku_id: string
  location_id: string
  kind: 'receive' | 'reserve' | 'release' | 'sell' | 'restock'
  quantity: number
  order_id: string | null
  note: string | null
  actor_user_id: string | null
  at: string
}

export interface CartItemTable {
  user_id: string
  sku_id: string
  quantity: number
  added_at: string
}

export interface CustomerAddressTable {
  id: string
  user_id: string
  recipient_name: string
  phone: string
  /** A village (12 digits) or township (9 digits) of the county: GB/T 2260 + NBS codes. */
  division_code: string
  detail: string
  is_default: number
  created_at: string
}

export interface CustomerLoginCodeTable {
  id: string
  phone: string
  code_hash: string
  attempts: number
  expires_at: string
  used_at: string | null
  created_at: string
}

export interface PaymentTable {
  id: string
  out_trade_no: string
  user_id: string
  provider: string
  amount_fen: number
  status: 'pending' | 'succeeded' | 'closed'
  provider_transaction_id: string | null
  pay_url: string | null
  expires_at: string
  paid_at: string | null
  closed_at: string | null
  refunded_fen: number
  created_at: string
}

export interface ShopOrderTable {
  id: string
  order_no: string
  payment_id: string | null
  user_id: string | null
  shop_id: string
  channel: 'online' | 'pos'
  /** Where the goods come from: the county warehouse, or the pickup store itself. */
  location_id: string
  delivery: DeliveryKind
  pickup_location_id: string | null
  address_json: string | null
  status: OrderStatus
  items_fen: number
  delivery_fen: number
  total_fen: number
  refunded_fen: number
  pickup_code: string | null
  note: string | null
  payment_deadline: string | null
  paid_at: string | null
  ready_at: string | null
  completed_at: string | null
  cancelled_at: string | null
  cancel_reason: string | null
  /** When the buyer was reminded to collect it (once). */
  reminded_at: string | null
  /** Home delivery and station pickup: the parcel that carries it through the network. */
  parcel_id: string | null
  /** Placed through a promotion (SVC-3): which kind, and which team, hold, bargain or campaign. */
  promotion_kind: PromotionKind | null
  promotion_id: string | null
  /** The share link (MKT-2) the order came through: an opaque tag the promotions count. */
  share_code: string | null
  created_at: string
  updated_at: string
}

export interface OrderLineTable {
  id: string
  order_id: string
  sku_id: string
  product_id: string
  title: string
  spec: string
  local_kind: 'fresh' | 'specialty' | null
  unit_price_fen: number
  quantity: number
  line_fen: number
}

export interface OrderEventTable {
  id: string
  order_id: string
  from_status: OrderStatus | null
  to_status: OrderStatus
  actor_user_id: string | null
  note: string | null
  at: string
}

export interface PaymentNotificationTable {
  /** provider + kind + trade (+ refund) number: the same event twice is the same key. */
  event_key: string
  provider: string
  kind: string
  out_trade_no: string
  amount_fen: number
  outcome: string
  received_at: string
}

export interface RefundTable {
  id: string
  out_refund_no: string
  payment_id: string
  order_id: string
  amount_fen: number
  reason: string
  status: 'pending' | 'succeeded' | 'failed'
  /** Submissions to the provider so far; the same out_refund_no each time, so never twice paid. */
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  created_at: string
  finished_at: string | null
}

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

export interface OrderTables {
  stock_location: StockLocationTable
  stock_level: StockLevelTable
  stock_movement: StockMovementTable
  cart_item: CartItemTable
  customer_address: CustomerAddressTable
  customer_login_code: CustomerLoginCodeTable
  payment: PaymentTable
  shop_order: ShopOrderTable
  order_line: OrderLineTable
  order_event: OrderEventTable
  payment_notification: PaymentNotificationTable
  refund: RefundTable
  after_sale: AfterSaleTable
  complaint: ComplaintTable
}
