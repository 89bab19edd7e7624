import { Link, Navigate, useParams } from 'react-router-dom'
import { useRequest } from '../../lib/use-request'
import { visitShare } from '../api/promotions'
import { ErrorNote, Loading } from '../components/page-state'

/**
 * A share link (/h5/share/:code): the server counts the visit and says where it leads (a team,
 * a product page, the flash sales, a bargain, a bulk buy, the events); the buyer lands there with
 * ?share=code, and that page hands the code to the call that places the order, crediting the link.
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
  const { path } = await visitShare(code, signal)
  if (path === '/h5') return path
  return `${path}${path.includes('?') ? '&' : '?'}share=${encodeURIComponent(code)}`
}
