import { createBrowserRouter } from 'react-router-dom'
import { Suspense, type ComponentType } from 'react'
import { Spin } from 'antd'
import { NotFoundResult } from '../components/status-result'
import { AuthRoot } from './auth-root'
import { AppLayout } from './layout/app-layout'
import { LandingRedirect, LoginRoute } from './login-route'
import { NAVIGATION, type NavigationEntry, type NavigationKey } from './navigation'
import * as pages from './pages'
import { RequirePermission } from './require-permission'
import { RouteError } from './route-error'

const PAGE_BY_KEY: Record<NavigationKey, ComponentType> = {
  driver: pages.DriverPage,
  station: pages.StationPage,
  pickups: pages.PickupsPage,
  pos: pages.PosPage,
  localShare: pages.LocalSharePage,
  account: pages.AccountPage,
  users: pages.UsersPage,
  organizations: pages.OrganizationsPage,
  apiTokens: pages.ApiTokensPage,
  auditLog: pages.AuditLogPage,
  countySettings: pages.CountySettingsPage,
  parcels: pages.ParcelsPage,
  hubScanning: pages.HubScanningPage,
  manifests: pages.ManifestsPage,
  dispatch: pages.DispatchPage,
  promise: pages.PromisePage,
  network: pages.NetworkPage,
  fleet: pages.FleetPage,
  statements: pages.StatementsPage,
  uplink: pages.UplinkPage,
  geography: pages.GeographyPage,
  shopReview: pages.ShopReviewPage,
  myShop: pages.MyShopPage,
  products: pages.ProductsPage,
  stock: pages.StockPage,
  orders: pages.OrdersPage,
  afterSales: pages.AfterSalesPage,
  afterSalesReview: pages.EscalatedAfterSalesPage,
  complaints: pages.ComplaintsPage,
  reconciliation: pages.ReconciliationPage,
  payouts: pages.PayoutsPage,
  smsLog: pages.SmsLogPage,
  flashSales: pages.FlashSalesPage,
  teamBuys: pages.TeamBuysPage,
  bargains: pages.BargainsPage,
  bulkBuys: pages.BulkBuysPage,
  promotionEvents: pages.PromotionEventsPage,
}

function route(entry: NavigationEntry) {
  const Page = PAGE_BY_KEY[entry.key]
  return {
    path: entry.path,
    element: (
      <RequirePermission permission={entry.permission}>
        <Page />
      </RequirePermission>
    ),
  }
}

export const router = createBrowserRouter([
  // Public tracking for villagers: outside AuthRoot, so it never asks who is signed in.
  {
    path: '/track',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<Spin fullscreen />}>
        <pages.TrackPage />
      </Suspense>
    ),
  },
  // The first run's setup page (issue 15): public, the one-time link is its credential.
  {
    path: '/setup',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<Spin fullscreen />}>
        <pages.SetupPage />
      </Suspense>
    ),
  },
  {
    element: <AuthRoot />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <LandingRedirect /> },
          ...NAVIGATION.map(route),
          { path: '*', element: <NotFoundResult /> },
        ],
      },
    ],
  },
])
