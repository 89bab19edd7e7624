import type { Kysely } from 'kysely'
import type { AbuseTables } from '../platform/abuse/index.js'
import type { AccountsTables } from '../platform/accounts/index.js'
import type { AuthTables } from '../platform/auth/index.js'
import type { AuditTables } from '../platform/audit/index.js'
import type { CountyTables } from '../platform/county/index.js'
import type { SetupTables } from '../platform/setup/index.js'
import type { GeographyTables } from '../platform/geography/index.js'
import type { JobTables } from '../platform/jobs/index.js'
import type { NotificationTables } from '../platform/notifications/index.js'
import type { LogisticsTables } from '../modules/logistics/schema.js'
import type { DispatchTables } from '../modules/logistics/dispatch-schema.js'
import type { ShopTables } from '../modules/commerce/shops/shop-schema.js'
import type { BrandTables } from '../modules/commerce/brand/brand-schema.js'
import type { CatalogTables } from '../modules/commerce/catalog/catalog-schema.js'
import type { SearchTables } from '../modules/commerce/search/search-schema.js'
import type { StockTables } from '../modules/commerce/stock/stock-schema.js'
import type { CustomerTables } from '../modules/commerce/customers/customer-schema.js'
import type { OrderTables } from '../modules/commerce/orders/order-tables.js'
import type { PaymentTables } from '../modules/commerce/payments/payment-tables.js'
import type { AfterSalesTables } from '../modules/commerce/after-sales/after-sales-schema.js'
import type { FlashSaleTables } from '../modules/promotions/flash-sale/schema.js'
import type { TeamBuyTables } from '../modules/promotions/team-buy/schema.js'
import type { BargainTables } from '../modules/promotions/bargain/schema.js'
import type { BulkBuyTables } from '../modules/promotions/bulk-buy/schema.js'
import type { EventTables } from '../modules/promotions/events/schema.js'
import type { LocalGatewayTables } from '../modules/commerce/payments/providers/local-gateway-tables.js'
import type { ShareLinkTables } from '../modules/promotions/shared/share-schema.js'

/** Every table of every module; each module owns its own table types. */
export interface Database
  extends
    AbuseTables,
    AccountsTables,
    AuthTables,
    AuditTables,
    CountyTables,
    SetupTables,
    GeographyTables,
    JobTables,
    NotificationTables,
    LogisticsTables,
    DispatchTables,
    ShopTables,
    BrandTables,
    CatalogTables,
    SearchTables,
    StockTables,
    CustomerTables,
    OrderTables,
    PaymentTables,
    AfterSalesTables,
    FlashSaleTables,
    TeamBuyTables,
    BargainTables,
    BulkBuyTables,
    EventTables,
    ShareLinkTables,
    LocalGatewayTables {}

/** A database handle or a transaction: a Transaction<Database> is a Kysely<Database>. */
export type Db = Kysely<Database>

export type Dialect = 'sqlite' | 'postgres'
