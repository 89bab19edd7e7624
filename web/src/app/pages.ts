import { lazy } from 'react'

// One chunk per page, so the login screen does not download every table and tree.
export const AccountPage = lazy(() =>
  import('../features/account/components/account-page').then((m) => ({ default: m.AccountPage })),
)
export const UsersPage = lazy(() =>
  import('../features/users/components/users-page').then((m) => ({ default: m.UsersPage })),
)
export const OrganizationsPage = lazy(() =>
  import('../features/organizations/components/organizations-page').then((m) => ({
    default: m.OrganizationsPage,
  })),
)
export const ApiTokensPage = lazy(() =>
  import('../features/api-tokens/components/api-tokens-page').then((m) => ({
    default: m.ApiTokensPage,
  })),
)
export const AuditLogPage = lazy(() =>
  import('../features/audit-log/components/audit-log-page').then((m) => ({
    default: m.AuditLogPage,
  })),
)
export const GeographyPage = lazy(() =>
  import('../features/geography/components/geography-page').then((m) => ({
    default: m.GeographyPage,
  })),
)
export const LoginPage = lazy(() =>
  import('../features/auth/components/login-page').then((m) => ({ default: m.LoginPage })),
)
export const TrackPage = lazy(() =>
  import('../features/tracking/components/track-page').then((m) => ({ default: m.TrackPage })),
)
export const ParcelsPage = lazy(() =>
  import('../features/parcels/components/parcels-page').then((m) => ({ default: m.ParcelsPage })),
)
export const ManifestsPage = lazy(() =>
  import('../features/manifests/components/manifests-page').then((m) => ({
    default: m.ManifestsPage,
  })),
)
export const DispatchPage = lazy(() =>
  import('../features/dispatch/components/dispatch-page').then((m) => ({
    default: m.DispatchPage,
  })),
)
export const PromisePage = lazy(() =>
  import('../features/promise/components/promise-page').then((m) => ({ default: m.PromisePage })),
)
export const DriverPage = lazy(() =>
  import('../features/driver/components/driver-page').then((m) => ({ default: m.DriverPage })),
)
export const StationPage = lazy(() =>
  import('../features/station/components/station-page').then((m) => ({ default: m.StationPage })),
)
export const HubScanningPage = lazy(() =>
  import('../features/hub-scanning/components/hub-scanning-page').then((m) => ({
    default: m.HubScanningPage,
  })),
)
export const NetworkPage = lazy(() =>
  import('../features/network/components/network-page').then((m) => ({ default: m.NetworkPage })),
)
export const FleetPage = lazy(() =>
  import('../features/fleet/components/fleet-page').then((m) => ({ default: m.FleetPage })),
)
export const StatementsPage = lazy(() =>
  import('../features/statements/components/statements-page').then((m) => ({
    default: m.StatementsPage,
  })),
)
export const UplinkPage = lazy(() =>
  import('../features/uplink/components/uplink-page').then((m) => ({ default: m.UplinkPage })),
)
export const PickupsPage = lazy(() =>
  import('../features/pickups/components/pickups-page').then((m) => ({ default: m.PickupsPage })),
)
export const ShopReviewPage = lazy(() =>
  import('../features/shops/components/shop-review-page').then((m) => ({
    default: m.ShopReviewPage,
  })),
)
export const MyShopPage = lazy(() =>
  import('../features/shops/components/my-shop-page').then((m) => ({ default: m.MyShopPage })),
)
export const ProductsPage = lazy(() =>
  import('../features/products/components/products-page').then((m) => ({
    default: m.ProductsPage,
  })),
)
export const StockPage = lazy(() =>
  import('../features/stock/components/stock-page').then((m) => ({ default: m.StockPage })),
)
export const OrdersPage = lazy(() =>
  import('../features/orders/components/orders-page').then((m) => ({ default: m.OrdersPage })),
)
export const ReconciliationPage = lazy(() =>
  import('../features/orders/components/reconciliation-page').then((m) => ({
    default: m.ReconciliationPage,
  })),
)
export const PayoutsPage = lazy(() =>
  import('../features/payouts/components/payouts-page').then((m) => ({ default: m.PayoutsPage })),
)
export const SmsLogPage = lazy(() =>
  import('../features/sms-log/components/sms-log-page').then((m) => ({ default: m.SmsLogPage })),
)
export const PosPage = lazy(() =>
  import('../features/pos/components/pos-page').then((m) => ({ default: m.PosPage })),
)
export const LocalSharePage = lazy(() =>
  import('../features/pos/components/local-share-page').then((m) => ({
    default: m.LocalSharePage,
  })),
)
export const AfterSalesPage = lazy(() =>
  import('../features/after-sales/components/after-sales-page').then((m) => ({
    default: m.AfterSalesPage,
  })),
)
export const EscalatedAfterSalesPage = lazy(() =>
  import('../features/after-sales/components/escalated-after-sales-page').then((m) => ({
    default: m.EscalatedAfterSalesPage,
  })),
)
export const ComplaintsPage = lazy(() =>
  import('../features/complaints/components/complaints-page').then((m) => ({
    default: m.ComplaintsPage,
  })),
)
export const FlashSalesPage = lazy(() =>
  import('../features/promotions/components/flash-sales/flash-sales-page').then((m) => ({
    default: m.FlashSalesPage,
  })),
)
export const TeamBuysPage = lazy(() =>
  import('../features/promotions/components/team-buys/team-buys-page').then((m) => ({
    default: m.TeamBuysPage,
  })),
)
export const BargainsPage = lazy(() =>
  import('../features/promotions/components/bargains/bargains-page').then((m) => ({
    default: m.BargainsPage,
  })),
)
export const BulkBuysPage = lazy(() =>
  import('../features/promotions/components/bulk-buys/bulk-buys-page').then((m) => ({
    default: m.BulkBuysPage,
  })),
)
export const PromotionEventsPage = lazy(() =>
  import('../features/promotions/components/events/events-page').then((m) => ({
    default: m.EventsPage,
  })),
)
export const CountySettingsPage = lazy(() =>
  import('../features/county/components/county-settings-page').then((m) => ({
    default: m.CountySettingsPage,
  })),
)
export const SetupPage = lazy(() =>
  import('../features/setup/components/setup-page').then((m) => ({ default: m.SetupPage })),
)
