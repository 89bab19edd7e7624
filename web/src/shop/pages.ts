import { lazy } from 'react'

// One small chunk per page: a phone on a slow network downloads only the page it opens.
export const HomePage = lazy(() => import('./pages/home-page'))
export const SearchPage = lazy(() => import('./pages/search-page'))
export const CategoryPage = lazy(() => import('./pages/category-page'))
export const ProductPage = lazy(() => import('./pages/product-page'))
export const CartPage = lazy(() => import('./pages/cart-page'))
export const LoginPage = lazy(() => import('./pages/login-page'))
export const CheckoutPage = lazy(() => import('./pages/checkout-page'))
export const PayPage = lazy(() => import('./pages/pay-page'))
export const MyOrdersPage = lazy(() => import('./pages/my-orders-page'))
export const OrderPage = lazy(() => import('./pages/order-page'))
export const AfterSalesPage = lazy(() => import('./pages/after-sales-page'))
export const NotFoundPage = lazy(() => import('./pages/not-found-page'))
