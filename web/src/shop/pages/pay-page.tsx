import { useState } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { formatDateTime, formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { answerLocalPay } from '../api/local-pay'
import { getLocalPayPage } from '../api/local-pay'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { safeShopPath } from '../order-labels'

/** The local payment stand-in: no money moves; the buyer confirms or declines, as at a real provider. */
export default function PayPage() {
  const { token = '' } = useParams()
  const [params] = useSearchParams()
  const next = safeShopPath(params.get('next'), '/h5/me')
  const navigate = useNavigate()
  const payment = useRequest((signal) => getLocalPayPage(token, signal), token)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const answer = async (choice: 'confirm' | 'decline') => {
    setBusy(true)
    setError(null)
    try {
      await answerLocalPay(token, choice)
      void navigate(next, { replace: true })
    } catch (reason) {
      setError(reason)
      setBusy(false)
    }
  }

  if (payment.error) return <ErrorNote error={payment.error} />
  if (!payment.data) return <Loading />
  const pending = payment.data.status === 'pending'
  return (
    <div className="h5-pad h5-pay">
      <p className="h5-demo">本地模拟支付（演示）：不会产生真实扣款</p>
      <PageTitle>支付订单</PageTitle>
      <p className="h5-price h5-price-large" data-testid="pay-amount">
        {formatYuan(payment.data.amountFen)}
      </p>
      <dl className="h5-facts">
        <dt>商品</dt>
        <dd>{payment.data.description}</dd>
        <dt>交易号</dt>
        <dd>{payment.data.outTradeNo}</dd>
        <dt>支付截止</dt>
        <dd>{formatDateTime(payment.data.expiresAt, 'zh-CN')}</dd>
      </dl>
      {!pending && <p className="h5-muted">该支付单已处理（{payment.data.status}）</p>}
      <ErrorNote error={error} />
      <button
        type="button"
        className="h5-button h5-block"
        disabled={busy || !pending}
        onClick={() => void answer('confirm')}
      >
        确认支付
      </button>
      <button
        type="button"
        className="h5-button h5-button-ghost h5-block"
        disabled={busy || !pending}
        onClick={() => void answer('decline')}
      >
        取消支付
      </button>
    </div>
  )
}
