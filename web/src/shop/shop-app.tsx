import { Suspense } from 'react'
import { createBrowserRouter, RouterProvider } from 'react-router-dom'
import { getCounty } from '../lib/county'
import { Loading } from './components/page-state'
import * as pages from './pages'
import { ShopCartProvider } from './shop-cart'
import { ShopLayout } from './shop-layout'
import { ShopSessionProvider } from './shop-session'
import './shop.css'

// The H5 shop for buyers on a phone. Chinese only by design: its users are the county's
// villagers and visitors, so it has no language switch and does not load the console's dictionary.

// The shop is named after the county's public brand (县域设置, issue 15).
document.title = '商城'
void getCounty().then(
  (county) => {
    document.title = `${county.brandName}商城`
  },
  () => undefined,
)

const page = (Page: React.ComponentType) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
)

const router = createBrowserRouter([
  {
    path: '/h5',
    element: <ShopLayout />,
    children: [
      { index: true, element: page(pages.HomePage) },
      { path: 'search', element: page(pages.SearchPage) },
      { path: 'categories', element: page(pages.CategoryPage) },
      { path: 'products/:id', element: page(pages.ProductPage) },
      { path: 'cart', element: page(pages.CartPage) },
      { path: 'login', element: page(pages.LoginPage) },
      { path: 'checkout', element: page(pages.CheckoutPage) },
      { path: 'pay/:token', element: page(pages.PayPage) },
      { path: 'me', element: page(pages.MyOrdersPage) },
      { path: 'my/teams', element: page(pages.MyTeamsPage) },
      { path: 'orders/:id', element: page(pages.OrderPage) },
      { path: 'after-sales', element: page(pages.AfterSalesPage) },
      { path: 'team-checkout', element: page(pages.TeamCheckoutPage) },
      { path: 'teams/:id', element: page(pages.TeamPage) },
      { path: 'share/:code', element: page(pages.SharePage) },
      { path: 'flash-sales', element: page(pages.FlashSalesPage) },
      { path: 'flash-sale-holds/:id', element: page(pages.FlashHoldPage) },
      { path: 'bargains/:id', element: page(pages.BargainPage) },
      { path: 'bargains/:id/buy', element: page(pages.BargainBuyPage) },
      { path: 'bulk-buys', element: page(pages.BulkBuysPage) },
      { path: 'bulk-buys/:id', element: page(pages.BulkBuyPage) },
      { path: 'events', element: page(pages.EventsPage) },
      { path: '*', element: page(pages.NotFoundPage) },
    ],
  },
])

export function ShopApp() {
  return (
    <ShopSessionProvider>
      <ShopCartProvider>
        <RouterProvider router={router} />
      </ShopCartProvider>
    </ShopSessionProvider>
  )
}
