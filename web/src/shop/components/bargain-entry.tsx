import { useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { launchBargain } from '../api/bargains'
import { withShare } from '../api/promotions'
import { rememberMyBargain } from '../bargain-links'
import { useShopSession } from '../shop-session'
import { ErrorNote } from './page-state'
import '../bargain.css'

/**
 * The product page's 砍价 and 团购 entries, for a page opened through an activity's link
 * (?bargain=activity id, ?bulkBuy=campaign id): the API has no public list of a product's
 * bargain activities or bulk-buy campaigns, so the link names them.
 */
export function BargainBulkEntries({ productId }: { productId: string }) {
  const [params] = useSearchParams()
  const activityId = params.get('bargain')
  const campaignId = params.get('bulkBuy')
  const productPath = `/h5/products/${productId}?${params.toString()}`
  return (
    <>
      {activityId && <BargainEntry activityId={activityId} productPath={productPath} />}
      {campaignId && (
        <div className="h5-entry">
          <span>多人团购，买得越多越便宜</span>
          <Link
            className="h5-button"
            to={withShare(`/h5/bulk-buys/${encodeURIComponent(campaignId)}`, params.get('share'))}
          >
            去参团
          </Link>
        </div>
      )}
    </>
  )
}

/**
 * "发起砍价" on a product page opened through an activity's link (?bargain=activity id): the API
 * has no public list of a product's bargain activities, so the link names the activity.
 */
function BargainEntry({ activityId, productPath }: { activityId: string; productPath: string }) {
  const { shopper } = useShopSession()
  const navigate = useNavigate()
  const share = useSearchParams()[0].get('share')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const launch = async () => {
    if (!shopper) {
      void navigate(`/h5/login?next=${encodeURIComponent(productPath)}`)
      return
    }
    setBusy(true)
    setError(null)
    try {
      const bargain = await launchBargain(activityId, share)
      rememberMyBargain(bargain.id)
      void navigate(`/h5/bargains/${bargain.id}`)
    } catch (reason) {
      setError(reason) // sold out, launch limit, activity paused or ended: the server's words
      setBusy(false)
    }
  }

  return (
    <>
      <div className="h5-entry">
        <span>邀请好友帮砍，砍到底价再买</span>
        <button type="button" className="h5-button" disabled={busy} onClick={() => void launch()}>
          发起砍价
        </button>
      </div>
      <ErrorNote error={error} />
    </>
  )
}
