import { NavLink, Outlet } from 'react-router-dom'
import { useShopCart } from './shop-cart'

const TABS = [
  { to: '/h5', label: '首页', icon: '⌂', end: true },
  { to: '/h5/categories', label: '分类', icon: '☰', end: false },
  { to: '/h5/cart', label: '购物车', icon: '▣', end: false },
  { to: '/h5/me', label: '我的', icon: '☺', end: false },
] as const

export function ShopLayout() {
  const { count } = useShopCart()
  return (
    <div className="h5">
      <main className="h5-main">
        <Outlet />
      </main>
      <nav className="h5-tabs" aria-label="商城导航">
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} className="h5-tab">
            <span className="h5-tab-icon" aria-hidden>
              {tab.icon}
            </span>
            {tab.label}
            {tab.to === '/h5/cart' && count > 0 && (
              <span className="h5-badge" data-testid="cart-count">
                {count}
              </span>
            )}
          </NavLink>
        ))}
      </nav>
    </div>
  )
}
