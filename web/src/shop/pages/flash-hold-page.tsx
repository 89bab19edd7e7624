import { useState } from 'react'
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom'
import type { CheckoutResult } from '../../lib/api-types'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { checkoutFlashHold, getFlashHold, listFlashSales, type FlashHold } from '../api/promotions'
import { DeliveryChoice, type Delivery } from '../components/delivery-choice'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { useShopSession } from '../shop-session'
import { formatLeft, useServerNow } from '../use-server-clock'

/** A 秒杀 hold: order it within its time (choose delivery, then pay, as at checkout). */
export default function FlashHoldPage() {
  const { id = '' } = useParams()
  const { shopper } = useShopSession()
  const hold = useRequest((signal) => getFlashHold(id, signal), id)
  if (shopper === null)
    return (
      <Navigate to={`/h5/login?next=${encodeURIComponent(`/h5/flash-sale-holds/${id}`)}`} replace />
    )
  if (hold.error) return <ErrorNote error={hold.error} />
  if (!hold.data) return <Loading />
  return <HoldForm hold={hold.data} />
}

function HoldForm({ hold }: { hold: FlashHold }) {
  const navigate = useNavigate()
  const now = useServerNow(hold.serverTime)
  // The hold names only the SKU: its title comes from the session list while the sale is on.
  const sessions = useRequest((signal) => listFlashSales(signal), 'flash-sales')
  const sku = sessions.data?.sessions
    .find((session) => session.id === hold.sessionId)
    ?.skus.find((item) => item.skuId === hold.skuId)
  const [delivery, setDelivery] = useState<Delivery>({ kind: 'store_pickup', targetId: null })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const lapsed = now !== undefined && Date.parse(hold.expiresAt) <= now

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const result = await checkoutFlashHold(hold.id, {
        delivery: delivery.kind,
        ...(delivery.kind === 'home'
          ? { addressId: delivery.targetId ?? undefined }
          : { pickupLocationId: delivery.targetId ?? undefined }),
      })
      void navigate(nextAfterCheckout(result))
    } catch (reason) {
      setError(reason)
      setBusy(false)
    }
  }

  if (hold.status !== 'held')
    return (
      <div className="h5-pad">
        <PageTitle>秒杀订单</PageTitle>
        <p className="h5-muted">
          {hold.status === 'released' || hold.status === 'refunded'
            ? '抢购名额已失效，可回到秒杀页再试'
            : '已下单'}
        </p>
        {hold.orderId && (
          <Link className="h5-button h5-block" to={`/h5/orders/${hold.orderId}`}>
            查看订单
          </Link>
        )}
        <Link className="h5-button h5-button-ghost h5-block" to="/h5/flash-sales">
          返回秒杀
        </Link>
      </div>
    )
  return (
    <div className="h5-form h5-pad">
      <PageTitle>确认秒杀订单</PageTitle>
      <ul className="h5-list" aria-label="订单商品">
        <li className="h5-line">
          <span className="h5-line-title">{sku ? sku.title : '秒杀商品'}</span>
          <span className="h5-muted">
            {sku?.spec} × {hold.quantity}
          </span>
          <span className="h5-price">{formatYuan(hold.salePriceFen * hold.quantity)}</span>
        </li>
      </ul>
      <p data-testid="hold-left">
        {lapsed ? (
          '抢购名额已过期，请回到秒杀页再试'
        ) : (
          <>
            名额保留{' '}
            <span className="h5-countdown">
              {now === undefined ? '—' : formatLeft(hold.expiresAt, now)}
            </span>
            ，请在此时间内下单并付款
          </>
        )}
      </p>
      <DeliveryChoice value={delivery} onChange={setDelivery} />
      <ErrorNote error={error} />
      <div className="h5-actions">
        <span className="h5-total">
          商品合计{' '}
          <strong className="h5-price">{formatYuan(hold.salePriceFen * hold.quantity)}</strong>
        </span>
        <button
          type="button"
          className="h5-button"
          disabled={busy || lapsed || delivery.targetId === null}
          onClick={() => void submit()}
        >
          提交订单
        </button>
      </div>
    </div>
  )
}

/** To the pay page, which returns to the order afterwards; without a pay link, to the order. */
function nextAfterCheckout(result: CheckoutResult): string {
  const orderPath = result.orders[0] ? `/h5/orders/${result.orders[0].id}` : '/h5/me'
  if (result.action?.kind !== 'redirect') return orderPath
  const separator = result.action.url.includes('?') ? '&' : '?'
  return `${result.action.url}${separator}next=${encodeURIComponent(orderPath)}`
}
