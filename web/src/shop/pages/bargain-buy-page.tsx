import { useState } from 'react'
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { buyBargain, getBargain, type BargainProgress } from '../api/bargains'
import { payPathFor } from '../bargain-links'
import { DeliveryChoice, type Delivery } from '../components/delivery-choice'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { useShopSession } from '../shop-session'

/** The launcher buys one unit at the bargain's current price, then pays like any checkout. */
export default function BargainBuyPage() {
  const { id = '' } = useParams()
  const { shopper } = useShopSession()
  const bargain = useRequest((signal) => getBargain(id, signal), `${id}:${String(!!shopper)}`)
  const here = `/h5/bargains/${id}/buy`
  if (shopper === undefined) return <Loading />
  if (shopper === null)
    return <Navigate to={`/h5/login?next=${encodeURIComponent(here)}`} replace />
  if (bargain.error) return <ErrorNote error={bargain.error} />
  if (!bargain.data) return <Loading />
  if (!bargain.data.canBuyNow) return <Navigate to={`/h5/bargains/${id}`} replace />
  return <BargainCheckout progress={bargain.data} />
}

function BargainCheckout({ progress }: { progress: BargainProgress }) {
  const navigate = useNavigate()
  const share = useSearchParams()[0].get('share')
  const [delivery, setDelivery] = useState<Delivery>({ kind: 'store_pickup', targetId: null })
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const ordered = await buyBargain(
        progress.id,
        {
          delivery: delivery.kind,
          ...(delivery.kind === 'home'
            ? { addressId: delivery.targetId ?? undefined }
            : { pickupLocationId: delivery.targetId ?? undefined }),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        // Usually none: the bargain kept the link its launcher came through.
        share,
      )
      void navigate(payPathFor(ordered.action, ordered.orderId))
    } catch (reason) {
      setError(reason)
      setBusy(false)
    }
  }

  return (
    <div className="h5-form h5-pad">
      <PageTitle>确认砍价订单</PageTitle>
      <ul className="h5-list" aria-label="订单商品">
        <li className="h5-line">
          <span className="h5-line-title">{progress.title}</span>
          <span className="h5-muted">砍价 × 1</span>
          <span className="h5-price">{formatYuan(progress.currentPriceFen)}</span>
        </li>
      </ul>
      <DeliveryChoice value={delivery} onChange={setDelivery} />
      <label className="h5-field">
        备注（选填）
        <input maxLength={200} value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <ErrorNote error={error} />
      <div className="h5-actions">
        <span className="h5-total">
          砍价价 <strong className="h5-price">{formatYuan(progress.currentPriceFen)}</strong>
        </span>
        <button
          type="button"
          className="h5-button"
          disabled={busy || delivery.targetId === null}
          onClick={() => void submit()}
        >
          提交订单
        </button>
      </div>
    </div>
  )
}
