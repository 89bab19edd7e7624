import { Link } from 'react-router-dom'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { listFlashSales } from '../api/promotions'
import { sessionClock } from '../flash-sale-clock'
import { useServerNow } from '../use-server-clock'
import '../team-flash.css'

/** The home page's 限时秒杀 strip (its own lazy chunk): the first session now or next. */
export default function FlashSaleBlock() {
  const list = useRequest((signal) => listFlashSales(signal), 'flash-sales')
  const now = useServerNow(list.data?.serverTime)
  const session = list.data?.sessions[0]
  if (!session || now === undefined) return null
  const clock = sessionClock(session, now)
  const cheapest = Math.min(...session.skus.map((sku) => sku.salePriceFen))
  return (
    <section className="h5-section" aria-labelledby="flash-sales">
      <h2 id="flash-sales" className="h5-section-title">
        限时秒杀 <span className="h5-countdown">{clock.text}</span>
      </h2>
      <Link to="/h5/flash-sales" className="h5-flash-sku">
        <span>
          {session.title}
          <span className="h5-muted h5-block-text">
            {session.skus.length} 款商品 · <span className="h5-price">{formatYuan(cheapest)}</span>{' '}
            起
          </span>
        </span>
        <span className="h5-button">去抢购</span>
      </Link>
    </section>
  )
}
