import { useEffect, useState } from 'react'
import { Link } from 'react-router-dom'
import { formatDateTime, formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { escalateAfterSale, listMyAfterSales, shipReturn, type AfterSale } from '../api/after-sales'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { AFTER_SALE_KIND_ZH, AFTER_SALE_STATUS_ZH } from '../order-labels'
import { useShopSession } from '../shop-session'

// The buyer's after-sales requests. While one is still open the list is re-read, so the page
// follows the merchant's answer and the refund without a reload.
const POLL_MS = 4_000
const OPEN: ReadonlySet<AfterSale['status']> = new Set([
  'awaiting_merchant',
  'escalated',
  'returning',
  'approved',
])

export default function AfterSalesPage() {
  const { shopper } = useShopSession()
  if (shopper === undefined) return <Loading />
  if (shopper === null)
    return (
      <div className="h5-pad h5-center">
        <PageTitle>售后记录</PageTitle>
        <p className="h5-muted">登录后查看售后申请</p>
        <Link to="/h5/login?next=%2Fh5%2Fafter-sales" className="h5-button">
          手机号登录
        </Link>
      </div>
    )
  return <AfterSaleList />
}

function AfterSaleList() {
  const [version, setVersion] = useState(0)
  const requests = useRequest((signal) => listMyAfterSales(signal), String(version))
  const anyOpen = requests.data?.some((request) => OPEN.has(request.status)) ?? false
  useEffect(() => {
    if (!anyOpen) return
    const timer = setTimeout(() => setVersion((v) => v + 1), POLL_MS)
    return () => clearTimeout(timer)
  }, [anyOpen, version])

  return (
    <>
      <PageTitle>售后记录</PageTitle>
      <ErrorNote error={requests.error} />
      {!requests.data && !requests.error && <Loading />}
      {requests.data?.length === 0 && <p className="h5-muted h5-center">还没有售后申请</p>}
      <ul className="h5-list" aria-label="售后列表">
        {requests.data?.map((request) => (
          <AfterSaleCard
            key={request.id}
            request={request}
            onChanged={() => setVersion((v) => v + 1)}
          />
        ))}
      </ul>
    </>
  )
}

function AfterSaleCard({ request, onChanged }: { request: AfterSale; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async (action: () => Promise<unknown>) => {
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
  const escalate = () => run(() => escalateAfterSale(request.id))
  return (
    <li className="h5-card" data-testid="after-sale-card">
      <span className="h5-order-head">
        <span>
          {AFTER_SALE_KIND_ZH[request.kind]} · {formatYuan(request.amountFen)}
        </span>
        <strong className="h5-status" data-testid="after-sale-status">
          {AFTER_SALE_STATUS_ZH[request.status]}
        </strong>
      </span>
      <dl className="h5-facts">
        <dt>原因</dt>
        <dd>{request.reason}</dd>
        <dt>申请时间</dt>
        <dd>{formatDateTime(request.createdAt, 'zh-CN')}</dd>
        {request.status === 'awaiting_merchant' && (
          <>
            <dt>处理时限</dt>
            <dd>商家须在 {formatDateTime(request.respondBy, 'zh-CN')}（北京时间）前处理</dd>
          </>
        )}
        {request.approvedFen !== null && request.approvedFen !== request.amountFen && (
          <>
            <dt>同意退款</dt>
            <dd>{formatYuan(request.approvedFen)}</dd>
          </>
        )}
        {request.returnWaybillNo && (
          <>
            <dt>退货物流</dt>
            <dd>
              {request.returnCarrier} {request.returnWaybillNo}
            </dd>
          </>
        )}
        {request.merchantNote && (
          <>
            <dt>商家说明</dt>
            <dd>{request.merchantNote}</dd>
          </>
        )}
        {request.operatorNote && (
          <>
            <dt>平台说明</dt>
            <dd>{request.operatorNote}</dd>
          </>
        )}
      </dl>
      <Link to={`/h5/orders/${request.orderId}`} className="h5-link">
        查看订单
      </Link>
      <ErrorNote error={error} />
      {request.status === 'awaiting_return' && (
        <ReturnForm busy={busy} onSubmit={(body) => void run(() => shipReturn(request.id, body))} />
      )}
      {request.status === 'rejected' && (
        <button
          type="button"
          className="h5-button h5-button-ghost h5-block"
          disabled={busy}
          onClick={() => void escalate()}
        >
          申请平台介入
        </button>
      )}
    </li>
  )
}

/** 退货退款 approved: the buyer says how the goods went back; the merchant then confirms them. */
function ReturnForm({
  busy,
  onSubmit,
}: {
  busy: boolean
  onSubmit: (body: { carrier: string; waybillNo: string }) => void
}) {
  const [carrier, setCarrier] = useState('')
  const [waybillNo, setWaybillNo] = useState('')
  return (
    <form
      className="h5-form"
      aria-label="填写退货物流"
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit({ carrier, waybillNo })
      }}
    >
      <label className="h5-field">
        <span>快递公司</span>
        <input
          value={carrier}
          required
          minLength={2}
          maxLength={40}
          placeholder="如：中国邮政"
          onChange={(event) => setCarrier(event.target.value)}
        />
      </label>
      <label className="h5-field">
        <span>运单号</span>
        <input
          value={waybillNo}
          required
          pattern="[A-Za-z0-9-]{6,32}"
          inputMode="text"
          onChange={(event) => setWaybillNo(event.target.value)}
        />
      </label>
      <button type="submit" className="h5-button h5-block" disabled={busy}>
        提交退货物流
      </button>
    </form>
  )
}
