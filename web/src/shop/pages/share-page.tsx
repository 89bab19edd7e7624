import { Link, Navigate, useParams } from 'react-router-dom'
import { useRequest } from '../../lib/use-request'
import { getTeamBuy, visitShare, type ShareTarget } from '../api/promotions'
import { ErrorNote, Loading } from '../components/page-state'

/**
 * A share link (/h5/share/:code): the server counts the visit and says where it leads; the buyer
 * lands there with ?share=code, so a seat taken from that page credits the link.
 */
export default function SharePage() {
  const { code = '' } = useParams()
  const target = useRequest((signal) => destinationOf(code, signal), code)
  if (target.error)
    return (
      <div className="h5-pad">
        <ErrorNote error={target.error} />
        <Link className="h5-button h5-block" to="/h5">
          去首页逛逛
        </Link>
      </div>
    )
  if (!target.data) return <Loading />
  return <Navigate to={target.data} replace />
}

async function destinationOf(code: string, signal: AbortSignal): Promise<string> {
  const link: ShareTarget = await visitShare(code, signal)
  const share = `share=${encodeURIComponent(code)}`
  if (link.teamId) return `/h5/teams/${encodeURIComponent(link.teamId)}?${share}`
  if (link.activityId) {
    // An activity's link: its product page, where the team price and the teams to join are.
    const running = await getTeamBuy(link.activityId, signal).catch(() => null)
    return running ? `/h5/products/${running.activity.productId}?${share}` : '/h5'
  }
  if (link.promotionKind === 'event') return `/h5/events?${share}`
  return '/h5'
}
