// Request and response shapes, imported from the server's schemas so each is written once.
// Only types cross over: web shares types with the API, never code.
import type { OrganizationType } from '../../../src/platform/access/roles'
import type { AuditEntry as ServerAuditEntry } from '../../../src/platform/audit/schema'
import type { ParcelStatus } from '../../../src/modules/logistics/parcel-status'
import type { Parcel, ScanEvent, ScanResult } from '../../../src/modules/logistics/schema'
import type { PickupStatus } from '../../../src/modules/logistics/dispatch-schema'
import type { Static } from 'typebox'
import type {
  LOCAL_KINDS,
  PRODUCT_STATUSES,
} from '../../../src/modules/commerce/catalog/catalog-schema'
import type { SHOP_STATUSES } from '../../../src/modules/commerce/shops/shop-schema'
import type { SmsMessage, SmsStatus } from '../../../src/platform/notifications/schema'
export type {
  CountySettings,
  KpiTarget,
  PublicCounty,
  UpdateCountySettingsBody,
} from '../../../src/platform/county/schema'
export type { SetupBody, SetupDone } from '../../../src/platform/setup/schema'
import type {
  CartLine as CartLineSchema,
  CheckoutResult as CheckoutResultSchema,
  Customer as CustomerSchema,
  LoginCodeChallenge as LoginCodeChallengeSchema,
  LoginCodeSent as LoginCodeSentSchema,
  PayAction as PayActionSchema,
} from '../../../src/modules/commerce/orders/order-schema'
import type { StockLevel as StockLevelSchema } from '../../../src/modules/commerce/stock/stock-schema'

export type {
  OrganizationType,
  Permission,
  Role as RoleKey,
  RoleInfo as Role,
} from '../../../src/platform/access/roles'
export type { Membership, Organization, User } from '../../../src/platform/accounts/schema'
export type {
  CreateOrganizationBody,
  UpdateOrganizationBody,
} from '../../../src/platform/accounts/schema'
export type {
  CreateUserBody,
  UpdateUserBody,
  MembershipInput,
} from '../../../src/platform/accounts/schema'
export type {
  ApiToken,
  CreatedApiToken,
  CreateApiTokenBody,
  LoginBody,
  Me,
} from '../../../src/platform/auth/schema'
export type { Division, DivisionLevel, DivisionMatch } from '../../../src/platform/geography/schema'
export type { Page } from '../../../src/platform/http/schemas'
export type { ParcelStatus, Parcel, PickupStatus, ScanEvent, ScanResult }
export type {
  CoordinateImportResult,
  CreateSiteBody,
  FlowRow,
  IntakeResult,
  PromisePeriod,
  FeeRule,
  RowError,
  Site,
  SiteImportResult,
  SiteKind,
  SiteStatus,
  Statement,
  Tracking,
  UpdateSiteBody,
} from '../../../src/modules/logistics/schema'
export type {
  CostPerParcelRow,
  FarmPickup,
  MoveStopBody,
  Plan,
  PlanSummary,
  RegisterPickupBody,
  Trip,
  CreateVehicleBody,
  UpdateVehicleBody,
  Vehicle,
} from '../../../src/modules/logistics/dispatch-schema'
export type {
  AssignTripBody,
  Carrier,
  CreateCarrierBody,
  CreateDriverBody,
  Driver,
  UpdateCarrierBody,
  UpdateDriverBody,
} from '../../../src/modules/logistics/fleet-schema'
export type { ScanType } from '../../../src/modules/logistics/parcel-status'
export type {
  CreateStockLocationBody,
  ManagedLocationKind,
  StockLocation,
  UpdateStockLocationBody,
} from '../../../src/modules/commerce/stock/stock-schema'

/** The value list lives here because web may not import server code; the check below keeps them equal. */
export const ORGANIZATION_TYPES = [
  'bureau',
  'operating_company',
  'carrier',
  'hub',
  'village_station',
  'merchant',
  'enterprise',
  'store',
  'training_provider',
] as const satisfies readonly OrganizationType[]
type MissingOrganizationType = Exclude<OrganizationType, (typeof ORGANIZATION_TYPES)[number]>
export const EVERY_ORGANIZATION_TYPE_LISTED: [MissingOrganizationType] extends [never]
  ? true
  : never = true

export type OrganizationStatus = 'active' | 'suspended'
export type UserStatus = 'active' | 'disabled'

/** The web always sends both, so unlike the server's query type they are required here. */
export interface PageQuery {
  page: number
  pageSize: number
}

export type AuditSnapshot = Record<string, unknown>
export type AuditEntry = Omit<ServerAuditEntry, 'before' | 'after'> & {
  before: AuditSnapshot | null
  after: AuditSnapshot | null
}

/** A parcel with its scan trail, as `GET /api/logistics/parcels/:id` answers. */
export type ParcelDetail = Parcel & {
  events: ScanEvent[]
}

/** Same check as for organization types: the web's list of statuses must match the server's. */
export const PARCEL_STATUSES = [
  'announced',
  'received',
  'sorted',
  'loaded',
  'in_transit',
  'at_station',
  'picked_up',
  'returned',
] as const satisfies readonly ParcelStatus[]
type MissingParcelStatus = Exclude<ParcelStatus, (typeof PARCEL_STATUSES)[number]>
export const EVERY_PARCEL_STATUS_LISTED: [MissingParcelStatus] extends [never] ? true : never = true

/** Same check for the farm pickups' statuses. */
export const PICKUP_STATUSES = [
  'registered',
  'planned',
  'at_hub',
  'handed_over',
] as const satisfies readonly PickupStatus[]
type MissingPickupStatus = Exclude<PickupStatus, (typeof PICKUP_STATUSES)[number]>
export const EVERY_PICKUP_STATUS_LISTED: [MissingPickupStatus] extends [never] ? true : never = true

// ---- the H5 shop and pickups (issue 4) ----
export type { Brand } from '../../../src/modules/commerce/brand/brand-schema'
export type { Category } from '../../../src/modules/commerce/catalog/catalog-schema'
export type {
  ProductCard,
  ProductDetail,
  ProductSearchQuery,
  SearchSort,
} from '../../../src/modules/commerce/catalog/product-schema'
export type {
  Address,
  AddressBody,
  CheckoutBody,
  Order,
  PaymentInfo,
  PickupPoint,
} from '../../../src/modules/commerce/orders/order-schema'
export type { OrderStatus, DeliveryKind } from '../../../src/modules/commerce/orders/order-tables'
export type { Region } from '../../../src/platform/geography/regions'
export type { DivisionImportResult } from '../../../src/platform/geography/division-import'
export type {
  OutsideDeliveryFees,
  OutsideDeliveryFeesBody,
} from '../../../src/modules/commerce/orders/outside-delivery'
export type CartLine = Static<typeof CartLineSchema>
export type Customer = Static<typeof CustomerSchema>
export type LoginCodeSent = Static<typeof LoginCodeSentSchema>
export type LoginCodeChallenge = Static<typeof LoginCodeChallengeSchema>
export type PayAction = Static<typeof PayActionSchema>
export type CheckoutResult = Static<typeof CheckoutResultSchema>

// ---- console pages for commerce and the SMS log (issues 4, 5) ----
export type {
  ApplyShopBody,
  ReviewShopBody,
  Shop,
  UpdateShopBody,
} from '../../../src/modules/commerce/shops/shop-schema'
export type {
  CreateProductBody,
  MerchantProductQuery,
  ProductImage,
  Sku,
  SkuInput,
  UpdateProductBody,
  UpdateSkuBody,
} from '../../../src/modules/commerce/catalog/product-schema'
export type {
  Reconciliation,
  ReconciliationRow,
} from '../../../src/modules/commerce/payments/payment-schema'
export type { AfterSaleStatus } from '../../../src/modules/commerce/after-sales/after-sales-schema'
export type {
  AfterSale,
  AfterSaleBody,
  AfterSaleKind,
  Complaint,
  ComplaintBody,
  ComplaintKind,
  ComplaintStatus,
  DecisionBody,
  HandleComplaintBody,
  ReturnShipmentBody,
  StaffAfterSale,
  StaffComplaint,
} from '../../../src/modules/commerce/after-sales/after-sales-schema'
export type {
  PayoutDay,
  PayoutFigures,
  PayoutReport,
  PayoutShop,
} from '../../../src/modules/commerce/payouts/payout-schema'
/** `SmsMessage`: one row of the SMS log (`GET /api/notifications/sms`); the phone comes masked. */
export type { SmsMessage, SmsStatus }
export type { CounterSaleBody } from '../../../src/modules/commerce/orders/order-schema'
export type { StockReceiveBody } from '../../../src/modules/commerce/stock/stock-schema'
export type StockLevel = Static<typeof StockLevelSchema>
export type ShopStatus = (typeof SHOP_STATUSES)[number]
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]
export type LocalKind = (typeof LOCAL_KINDS)[number]
export type { StoreLocalShare } from '../../../src/modules/commerce/pos/pos-schema'
