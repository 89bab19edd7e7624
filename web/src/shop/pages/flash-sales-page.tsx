import { useEffect, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import {
  admitToFlashSale,
  listFlashSales,
  type FlashSession,
  type FlashSku,
} from '../api/promotions'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { useShopSession } from '../shop-session'
import { sessionClock } from '../flash-sale-clock'
import { useServerNow } from '../use-server-clock'
import '../team-flash.css'

// Stock left changes fast during a sale: the list is re-read while the page is open.
const POLL_MS = 10_000

/** 秒杀: sessions now and coming, counting down from the server's clock; 马上抢 takes a hold. */
export default function FlashSalesPage() {
  const [version, setVersion] = useState(0)
  const list = useRequest((signal) => listFlashSales(signal), `flash:${version}`)
  useEffect(() => {
    const timer = setTimeout(() => setVersion((v) => v + 1), POLL_MS)
    return () => clearTimeout(timer)
  }, [version])
  const now = useServerNow(list.data?.serverTime)

  if (!list.data || now === undefined)
    return list.error ? <ErrorNote error={list.error} /> : <Loading />
  return (
    <div className="h5-pad">
      <PageTitle>限时秒杀</PageTitle>
      {list.data.sessions.length === 0 && <p className="h5-muted">暂无进行中的秒杀</p>}
      {list.data.sessions.map((session) => (
        <SessionBlock key={session.id} session={session} now={now} />
      ))}
    </div>
  )
}

function SessionBlock({ session, now }: { session: FlashSession; now: number }) {
  const clock = sessionClock(session, now)
  return (
    <section className="h5-flash" aria-labelledby={`flash-${session.id}`}>
      <h2 id={`flash-${session.id}`} className="h5-section-title">
        {session.title}
      </h2>
      <p>
        <span className="h5-countdown" data-testid="flash-clock">
          {clock.text}
        </span>{' '}
        <span className="h5-muted">每人限购 {session.perUserLimit} 件</span>
      </p>
      <ul className="h5-list" aria-label={`${session.title} 商品`}>
        {session.skus.map((sku) => (
          <SkuRow key={sku.skuId} session={session} sku={sku} open={clock.started} />
        ))}
      </ul>
    </section>
  )
}

function SkuRow({ session, sku, open }: { session: FlashSession; sku: FlashSku; open: boolean }) {
  const { shopper } = useShopSession()
  const navigate = useNavigate()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const share = useSearchParams()[0].get('share')
  const grab = async () => {
    if (!shopper) {
      const here = share ? `/h5/flash-sales?share=${encodeURIComponent(share)}` : '/h5/flash-sales'
      void navigate(`/h5/login?next=${encodeURIComponent(here)}`)
      return
    }
    setBusy(true)
    setError(null)
    try {
      const hold = await admitToFlashSale(session.id, sku.skuId, 1, share)
      void navigate(`/h5/flash-sale-holds/${encodeURIComponent(hold.id)}`)
    } catch (reason) {
      setError(reason) // sold out, already bought, not open: the server's words (detailZh)
      setBusy(false)
    }
  }
  return (
    <li>
      <div className="h5-flash-sku">
        <span className="h5-flash-sku-text">
          <Link to={`/h5/products/${sku.productId}`}>
            <strong>{sku.title}</strong>
          </Link>{' '}
          <span className="h5-muted">{sku.spec}</span>
          <span className="h5-block-text">
            <span className="h5-price">{formatYuan(sku.salePriceFen)}</span>{' '}
            <s className="h5-muted">{formatYuan(sku.priceFen)}</s>{' '}
            <span className="h5-muted">{sku.soldOut ? '已抢光' : `剩 ${sku.stockLeft} 件`}</span>
          </span>
        </span>
        <button
          type="button"
          className="h5-button"
          disabled={busy || !open || sku.soldOut}
          onClick={() => void grab()}
        >
          {sku.soldOut ? '已抢光' : '马上抢'}
        </button>
      </div>
      <ErrorNote error={error} />
    </li>
  )
}
