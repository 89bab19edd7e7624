import { Link } from 'react-router-dom'
import { useRequest } from '../../lib/use-request'
import { listBulkBuys } from '../api/bulk-buys'
import { listUpcomingEvents } from '../api/events'
import { listFlashSales } from '../api/promotions'
import '../bargain.css'

/**
 * The home page's "活动" row: 秒杀, 团购 and 线下活动, each only when there is one to see.
 */
export default function EventLinks() {
  const flash = useRequest((signal) => listFlashSales(signal).catch(() => null), 'flash-row')
  const events = useRequest((signal) => listUpcomingEvents(signal).catch(() => null), 'events-row')
  const bulk = useRequest(
    (signal) => listBulkBuys({ pageSize: 1 }, signal).catch(() => null),
    'bulk-row',
  )
  const links = [
    (flash.data?.sessions.length ?? 0) > 0 && { to: '/h5/flash-sales', label: '秒杀' },
    (bulk.data?.total ?? 0) > 0 && { to: '/h5/bulk-buys', label: '团购' },
    (events.data?.length ?? 0) > 0 && { to: '/h5/events', label: '线下活动' },
  ].filter((link) => link !== false)
  if (flash.loading || events.loading || bulk.loading || links.length === 0) return null // no row that grows
  return (
    <nav className="h5-section" aria-label="活动">
      <h2 className="h5-section-title">活动</h2>
      <ul className="h5-chips h5-promo-row">
        {links.map((link) => (
          <li key={link.to}>
            <Link className="h5-chip" to={link.to}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
