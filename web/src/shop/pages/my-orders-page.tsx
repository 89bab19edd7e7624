import { Link } from 'react-router-dom'
import { formatDateTime, formatYuan } from '../../lib/format'
import { listMyOrders } from '../api/orders'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { ORDER_STATUS_ZH } from '../order-labels'
import { useShopSession } from '../shop-session'
import { useLoadMore } from '../use-load-more'

const PAGE_SIZE = 10

export default function MyOrdersPage() {
  const { shopper, signOut } = useShopSession()
  if (shopper === undefined) return <Loading />
  if (shopper === null)
    return (
      <div className="h5-pad h5-center">
        <PageTitle>我的</PageTitle>
        <p className="h5-muted">登录后查看订单和取货码</p>
        <Link to="/h5/login?next=%2Fh5%2Fme" className="h5-button">
          手机号登录
        </Link>
      </div>
    )
  return (
    <>
      <header className="h5-bar h5-me">
        <span>
          {shopper.displayName} <span className="h5-muted">{shopper.phone}</span>
        </span>
        <button type="button" className="h5-link-button" onClick={() => void signOut()}>
          退出登录
        </button>
      </header>
      <nav className="h5-row h5-me-links">
        <Link to="/h5/after-sales" className="h5-link">
          售后记录
        </Link>
        <Link to="/h5/my/teams" className="h5-link">
          我的拼团
        </Link>
      </nav>
      <PageTitle>我的订单</PageTitle>
      <OrderList />
    </>
  )
}

function OrderList() {
  const orders = useLoadMore((page, signal) => listMyOrders(page, PAGE_SIZE, signal), 'orders')
  return (
    <>
      <ErrorNote error={orders.error} />
      {!orders.loading && orders.items.length === 0 && (
        <p className="h5-muted h5-center">还没有订单</p>
      )}
      <ul className="h5-list" aria-label="订单列表">
        {orders.items.map((order) => (
          <li key={order.id} className="h5-card" data-testid="order-card">
            <Link to={`/h5/orders/${order.id}`} className="h5-order-link">
              <span className="h5-order-head">
                <span>{order.shopName}</span>
                <strong className="h5-status">{ORDER_STATUS_ZH[order.status]}</strong>
              </span>
              <span className="h5-muted">
                {order.lines.map((line) => `${line.title} ×${line.quantity}`).join('，')}
              </span>
              <span className="h5-order-head">
                <span className="h5-muted">{formatDateTime(order.createdAt, 'zh-CN')}</span>
                <span className="h5-price">{formatYuan(order.totalFen)}</span>
              </span>
              {order.pickupCode && (
                <span className="h5-code-inline">取货码 {order.pickupCode}</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      {orders.loading && <Loading />}
      {orders.hasMore && (
        <button
          type="button"
          className="h5-button h5-button-ghost h5-block"
          onClick={orders.loadMore}
        >
          加载更多
        </button>
      )}
    </>
  )
}
