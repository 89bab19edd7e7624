import { useEffect, useState } from 'react'
import { useNavigate, useParams } from 'react-router-dom'
import type { Order } from '../../lib/api-types'
import { formatDateTime, formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { cancelOrder, getMyOrder, payAgain } from '../api/orders'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { AfterSaleActions } from '../components/after-sale-forms'
import { PickupCode } from '../components/pickup-code'
import {
  canAskAfterSale,
  canRefund,
  DELIVERY_ZH,
  ORDER_STATUS_ZH,
  PARCEL_STATUS_ZH,
} from '../order-labels'

// Payment callbacks arrive asynchronously, so an unpaid order is re-read until it changes; an
// order waiting at the counter is re-read more slowly, so the page turns 已完成 at hand-over.
const POLL_MS: Partial<Record<Order['status'], number>> = {
  created: 1_500,
  ready_for_pickup: 4_000,
  shipped: 10_000,
  refunding: 4_000,
}

export default function OrderPage() {
  const { id = '' } = useParams()
  const [version, setVersion] = useState(0)
  const order = useRequest((signal) => getMyOrder(id, signal), `${id}:${version}`)
  const status = order.data?.status
  useEffect(() => {
    const delay = status === undefined ? undefined : POLL_MS[status]
    if (delay === undefined) return
    const timer = setTimeout(() => setVersion((v) => v + 1), delay)
    return () => clearTimeout(timer)
  }, [status, version])

  if (!order.data) return order.error ? <ErrorNote error={order.error} /> : <Loading />
  return <OrderView order={order.data} onChanged={() => setVersion((v) => v + 1)} />
}

function OrderView({ order, onChanged }: { order: Order; onChanged: () => void }) {
  const navigate = useNavigate()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
      onChanged()
    } catch (reason) {
      setError(reason)
    } finally {
      setBusy(false)
    }
  }
  const pay = () =>
    run(async () => {
      if (!order.paymentId) return
      const action = await payAgain(order.paymentId)
      if (action.kind === 'redirect')
        void navigate(`${action.url}?next=${encodeURIComponent(`/h5/orders/${order.id}`)}`)
    })
  const cancel = (question: string) => {
    if (!window.confirm(question)) return
    void run(async () => {
      await cancelOrder(order.id)
    })
  }

  return (
    <div className="h5-pad">
      <PageTitle>订单详情</PageTitle>
      <p className="h5-status h5-status-large" data-testid="order-status">
        {ORDER_STATUS_ZH[order.status]}
      </p>
      {order.status === 'created' && <p className="h5-muted">等待支付结果…</p>}
      {order.pickupCode && (
        <PickupCode code={order.pickupCode} place={order.pickupPoint?.name ?? '自提点'} />
      )}
      {order.shipment && <ShipmentFacts shipment={order.shipment} />}
      <dl className="h5-facts">
        <dt>订单号</dt>
        <dd>{order.orderNo}</dd>
        <dt>店铺</dt>
        <dd>{order.shopName}</dd>
        <dt>配送</dt>
        <dd>
          {DELIVERY_ZH[order.delivery]}
          {order.pickupPoint && ` · ${order.pickupPoint.name}`}
        </dd>
        <dt>下单时间</dt>
        <dd>{formatDateTime(order.createdAt, 'zh-CN')}</dd>
        {order.cancelReason && (
          <>
            <dt>取消原因</dt>
            <dd>{order.cancelReason}</dd>
          </>
        )}
      </dl>
      <ul className="h5-list" aria-label="订单商品">
        {order.lines.map((line) => (
          <li key={line.skuId} className="h5-line">
            <span className="h5-line-title">{line.title}</span>
            <span className="h5-muted">
              {line.spec} × {line.quantity}
            </span>
            <span className="h5-price">{formatYuan(line.lineFen)}</span>
          </li>
        ))}
      </ul>
      <dl className="h5-facts">
        <dt>商品金额</dt>
        <dd>{formatYuan(order.itemsFen)}</dd>
        <dt>运费</dt>
        <dd>{formatYuan(order.deliveryFen)}</dd>
        <dt>实付</dt>
        <dd className="h5-price">{formatYuan(order.totalFen)}</dd>
        {order.refundedFen > 0 && (
          <>
            <dt>已退款</dt>
            <dd>{formatYuan(order.refundedFen)}</dd>
          </>
        )}
      </dl>
      <ErrorNote error={error} />
      {order.status === 'created' && order.paymentId && (
        <div className="h5-row">
          <button type="button" className="h5-button" disabled={busy} onClick={() => void pay()}>
            去支付
          </button>
          <button
            type="button"
            className="h5-button h5-button-ghost"
            disabled={busy}
            onClick={() => cancel('确定取消这个订单吗？')}
          >
            取消订单
          </button>
        </div>
      )}
      {canRefund(order.status) && (
        <button
          type="button"
          className="h5-button h5-button-ghost h5-block"
          disabled={busy}
          onClick={() => cancel('确定取消订单并全额退款吗？')}
        >
          申请退款
        </button>
      )}
      {canAskAfterSale(order.status) && <AfterSaleActions order={order} onChanged={onChanged} />}
      <h2 className="h5-section-title">订单进度</h2>
      <ol className="h5-history">
        {[...order.history].reverse().map((event) => (
          <li key={`${event.at}-${event.status}`}>
            <strong>{ORDER_STATUS_ZH[event.status]}</strong>{' '}
            <span className="h5-muted">{formatDateTime(event.at, 'zh-CN')}</span>
            {event.note && <span className="h5-muted"> · {event.note}</span>}
          </li>
        ))}
      </ol>
    </div>
  )
}

function ShipmentFacts({ shipment }: { shipment: NonNullable<Order['shipment']> }) {
  return (
    <dl className="h5-facts" aria-label="物流">
      <dt>物流</dt>
      <dd data-testid="shipment-status">
        {PARCEL_STATUS_ZH[shipment.status]}
        {shipment.stationName && ` · ${shipment.stationName}`}
      </dd>
      <dt>运单号</dt>
      <dd>
        {shipment.carrierName} {shipment.waybillNo}{' '}
        <a href={`/track?waybill=${encodeURIComponent(shipment.waybillNo)}`}>查看轨迹</a>
      </dd>
      {shipment.dueAt && (
        <>
          <dt>承诺送达</dt>
          <dd>{formatDateTime(shipment.dueAt, 'zh-CN')} 前</dd>
        </>
      )}
    </dl>
  )
}
