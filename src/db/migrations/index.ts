import type { Migration } from 'kysely'
import * as platform from './2026_11_28_001_platform.js'
import * as logistics from './2026_11_28_002_logistics.js'
import * as carrierFees from './2026_11_28_003_carrier_fees.js'
import * as dispatch from './2026_11_28_004_dispatch.js'
import * as uplink from './2026_11_28_005_uplink.js'
import * as stopPickupVolume from './2026_11_28_006_stop_pickup_volume.js'
import * as smsDelivery from './2026_11_28_007_sms_delivery.js'
import * as commerceCatalog from './2026_11_28_008_commerce_catalog.js'
import * as commerceOrders from './2026_11_28_009_commerce_orders.js'
import * as pickupReminders from './2026_11_28_010_pickup_reminders.js'
import * as afterSales from './2026_11_28_011_after_sales.js'
import * as orderParcels from './2026_12_02_013_order_parcels.js'
import * as imageVariants from './2026_12_02_014_image_variants.js'
import * as orderPromotions from './2026_12_02_015_order_promotions.js'
import * as flashSales from './2026_12_02_016_flash_sales.js'
import * as teamBuys from './2026_12_02_017_team_buys.js'
import * as returnShipping from './2026_12_02_018_return_shipping.js'
import * as bargainsBulkBuys from './2026_12_02_019_bargains_bulk_buys.js'
import * as promotionEvents from './2026_12_02_020_promotion_events.js'
import * as shareLinksEverywhere from './2026_12_03_021_share_links_everywhere.js'
import * as rateLimits from './2026_12_07_022_rate_limits.js'
import * as localPaymentGateway from './2026_12_07_023_local_payment_gateway.js'
import * as jobLeases from './2026_12_07_024_job_leases.js'
import * as countySetup from './2026_12_08_025_county_setup.js'
import * as parcelPickupCodes from './2026_12_08_026_parcel_pickup_codes.js'
import * as networkAdmin from './2026_12_08_027_network_admin.js'
import * as fleetConsole from './2026_12_08_028_fleet_console.js'
import * as nationwide from './2026_12_08_029_nationwide.js'

/**
 * Every migration, in order. Listed by hand rather than read from the folder so they run the
 * same under tsx, Vitest and a bundle. Never edit one that has shipped: add a new one.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_28_001_platform': platform,
  '2026_11_28_002_logistics': logistics,
  '2026_11_28_003_carrier_fees': carrierFees,
  '2026_11_28_004_dispatch': dispatch,
  '2026_11_28_005_uplink': uplink,
  '2026_11_28_006_stop_pickup_volume': stopPickupVolume,
  '2026_11_28_007_sms_delivery': smsDelivery,
  '2026_11_28_008_commerce_catalog': commerceCatalog,
  '2026_11_28_009_commerce_orders': commerceOrders,
  '2026_11_28_010_pickup_reminders': pickupReminders,
  '2026_11_28_011_after_sales': afterSales,
  '2026_12_02_013_order_parcels': orderParcels,
  '2026_12_02_014_image_variants': imageVariants,
  '2026_12_02_015_order_promotions': orderPromotions,
  '2026_12_02_016_flash_sales': flashSales,
  '2026_12_02_017_team_buys': teamBuys,
  '2026_12_02_018_return_shipping': returnShipping,
  '2026_12_02_019_bargains_bulk_buys': bargainsBulkBuys,
  '2026_12_02_020_promotion_events': promotionEvents,
  '2026_12_03_021_share_links_everywhere': shareLinksEverywhere,
  '2026_12_07_022_rate_limits': rateLimits,
  '2026_12_07_023_local_payment_gateway': localPaymentGateway,
  '2026_12_07_024_job_leases': jobLeases,
  '2026_12_08_025_county_setup': countySetup,
  '2026_12_08_026_parcel_pickup_codes': parcelPickupCodes,
  '2026_12_08_027_network_admin': networkAdmin,
  '2026_12_08_028_fleet_console': fleetConsole,
  '2026_12_08_029_nationwide': nationwide,
}
