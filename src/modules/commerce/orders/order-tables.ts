// Issue 4: carts, addresses, orders with their lines and events (tables).

/** The promotions an order can be placed through (SVC-3): 秒杀, 拼团, 砍价, 团购. */
export const PROMOTION_KINDS = ['flash_sale', 'team_buy', 'bargain', 'bulk_buy'] as const
export type PromotionKind = (typeof PROMOTION_KINDS)[number]

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
  /**
   * A village (12 digits) or township (9 digits) of the county: GB/T 2260 + NBS codes; or,
   * outside the county (issue 15), a county (6) or street (9) of the nationwide region list.
   */
  division_code: string
  detail: string
  is_default: number
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

/** The delivery fee for an address outside the county, by province ('00': all the others). */
export interface OutsideDeliveryFeeTable {
  province_code: string
  fee_fen: number
  updated_at: string
}

export interface OrderTables {
  cart_item: CartItemTable
  customer_address: CustomerAddressTable
  outside_delivery_fee: OutsideDeliveryFeeTable
  shop_order: ShopOrderTable
  order_line: OrderLineTable
  order_event: OrderEventTable
}
