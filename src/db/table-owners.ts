import type { Database } from './database.js'

/**
 * The module that owns each table (issue 13). Only the owner names its tables in a query; every
 * other module calls the owner's public functions, which may take the caller's transaction.
 * `npm run lint` runs scripts/check-boundaries.ts, which fails on a query outside the owner.
 * Typed against Database, so a new table without an owner does not compile.
 */
export const tableOwners = {
  rate_limit: 'platform/abuse',

  organization: 'platform/accounts',
  app_user: 'platform/accounts',
  membership: 'platform/accounts',

  session: 'platform/auth',
  api_token: 'platform/auth',
  login_throttle: 'platform/auth',

  audit_log: 'platform/audit',
  county_setting: 'platform/county',
  setup_state: 'platform/setup',
  division: 'platform/geography',
  job_lease: 'platform/jobs',
  sms_outbox: 'platform/notifications',

  logistics_site: 'modules/logistics',
  parcel: 'modules/logistics',
  scan_event: 'modules/logistics',
  manifest_import: 'modules/logistics',
  carrier_fee_rule: 'modules/logistics',
  vehicle: 'modules/logistics',
  dispatch_plan: 'modules/logistics',
  trip: 'modules/logistics',
  trip_stop: 'modules/logistics',
  farm_pickup: 'modules/logistics',
  carrier_waybill_prefix: 'modules/logistics',
  driver_profile: 'modules/logistics',

  shop: 'modules/commerce',
  brand: 'modules/commerce',
  brand_series: 'modules/commerce',
  brand_license: 'modules/commerce',
  product_category: 'modules/commerce',
  product: 'modules/commerce',
  sku: 'modules/commerce',
  product_image: 'modules/commerce',
  product_fts: 'modules/commerce',
  stock_location: 'modules/commerce',
  stock_level: 'modules/commerce',
  stock_movement: 'modules/commerce',
  cart_item: 'modules/commerce',
  customer_address: 'modules/commerce',
  outside_delivery_fee: 'modules/commerce',
  customer_login_code: 'modules/commerce',
  payment: 'modules/commerce',
  shop_order: 'modules/commerce',
  order_line: 'modules/commerce',
  order_event: 'modules/commerce',
  payment_notification: 'modules/commerce',
  refund: 'modules/commerce',
  after_sale: 'modules/commerce',
  complaint: 'modules/commerce',
  local_gateway_trade: 'modules/commerce',
  local_gateway_refund: 'modules/commerce',
  local_gateway_delivery: 'modules/commerce',

  flash_session: 'modules/promotions',
  flash_sku: 'modules/promotions',
  flash_buyer: 'modules/promotions',
  flash_hold: 'modules/promotions',
  team_activity: 'modules/promotions',
  team: 'modules/promotions',
  team_seat: 'modules/promotions',
  share_link: 'modules/promotions',
  share_visit: 'modules/promotions',
  bargain_activity: 'modules/promotions',
  bargain: 'modules/promotions',
  bargain_help: 'modules/promotions',
  bargain_helper_day: 'modules/promotions',
  bulk_campaign: 'modules/promotions',
  bulk_order: 'modules/promotions',
  bulk_buyer: 'modules/promotions',
  promotion_event: 'modules/promotions',
  promotion_event_product: 'modules/promotions',
} as const satisfies Record<keyof Database, string>

export type TableName = keyof typeof tableOwners
export type OwningModule = (typeof tableOwners)[TableName]
