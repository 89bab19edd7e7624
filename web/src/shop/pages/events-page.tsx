import { Link } from 'react-router-dom'
import { DISPLAY_TIME_ZONE } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { listUpcomingEvents, type PromotionEvent } from '../api/events'
import '../bargain.css'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'

// Offline events (推介会, 展销会, 直播进村) that have not ended, soonest first, in Beijing time.

const dayFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
})
const clockFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: DISPLAY_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** "2026年12月5日周六 09:00–17:00（北京时间）"; the end day is repeated when it differs. */
function formatEventTime(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt)
  const end = new Date(endsAt)
  const startDay = dayFormat.format(start)
  const endDay = dayFormat.format(end)
  const until =
    endDay === startDay ? clockFormat.format(end) : `${endDay} ${clockFormat.format(end)}`
  return `${startDay} ${clockFormat.format(start)}–${until}（北京时间）`
}

export default function EventsPage() {
  const events = useRequest((signal) => listUpcomingEvents(signal), 'upcoming-events')
  return (
    <div className="h5-pad">
      <PageTitle>线下活动</PageTitle>
      <ErrorNote error={events.error} />
      {!events.data && !events.error && <Loading />}
      {events.data?.length === 0 && (
        <p className="h5-muted h5-center">近期暂无线下活动，敬请关注。</p>
      )}
      <ul className="h5-list" aria-label="线下活动">
        {events.data?.map((event) => (
          <EventCard key={event.id} event={event} />
        ))}
      </ul>
    </div>
  )
}

function EventCard({ event }: { event: PromotionEvent }) {
  return (
    <li className="h5-card">
      <h2 className="h5-section-title">{event.title}</h2>
      <dl className="h5-facts">
        <dt>时间</dt>
        <dd>{formatEventTime(event.startsAt, event.endsAt)}</dd>
        <dt>地点</dt>
        <dd>
          {event.place}
          <span className="h5-muted h5-block-text">{event.region}</span>
        </dd>
      </dl>
      {event.description && <p className="h5-muted">{event.description}</p>}
      {event.products.length > 0 && (
        <>
          <p className="h5-muted">活动商品</p>
          <ul className="h5-chips" aria-label={`${event.title} 活动商品`}>
            {event.products.map((product) => (
              <li key={product.id}>
                <Link className="h5-chip" to={`/h5/products/${product.id}`}>
                  {product.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  )
}
