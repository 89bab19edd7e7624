import { useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { launchBargain, listBargainActivities, type RunningBargainActivity } from '../api/bargains'
import { listBulkBuys, type OpenCampaign } from '../api/bulk-buys'
import { withShare } from '../api/promotions'
import { useShopSession } from '../shop-session'
import { ErrorNote } from './page-state'
import '../bargain.css'

/**
 * The product page's 砍价 and 团购 entries: the product's running bargain activities and open
 * bulk-buy campaigns, from the public lists. Nothing shows while loading or when there are none,
 * so the page does not jump.
 */
export function BargainBulkEntries({ productId }: { productId: string }) {
  const bargains = useRequest(
    (signal) => listBargainActivities(productId, signal).catch(() => null),
    `bargains:${productId}`,
  )
  const campaigns = useRequest(
    (signal) => listBulkBuys({ productId, pageSize: 10 }, signal).catch(() => null),
    `bulk:${productId}`,
  )
  return (
    <>
      {bargains.data?.items.map((activity) => (
        <BargainEntry key={activity.id} activity={activity} productId={productId} />
      ))}
      {campaigns.data?.items.map((campaign) => (
        <BulkBuyEntry key={campaign.id} campaign={campaign} />
      ))}
    </>
  )
}

function BulkBuyEntry({ campaign }: { campaign: OpenCampaign }) {
  const share = useSearchParams()[0].get('share')
  return (
    <div className="h5-entry" data-testid="bulk-buy-entry">
      <span>
        <strong>团购 {formatYuan(campaign.currentPriceFen)}</strong>
        <span className="h5-block-text">{campaign.text}</span>
      </span>
      <Link
        className="h5-button"
        to={withShare(`/h5/bulk-buys/${encodeURIComponent(campaign.id)}`, share)}
      >
        去参团
      </Link>
    </div>
  )
}

/** "发起砍价": launches a bargain in the activity and opens it, to share with friends. */
function BargainEntry(props: { activity: RunningBargainActivity; productId: string }) {
  const { activity } = props
  const { shopper } = useShopSession()
  const navigate = useNavigate()
  const share = useSearchParams()[0].get('share')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const launch = async () => {
    if (!shopper) {
      void navigate(`/h5/login?next=${encodeURIComponent(`/h5/products/${props.productId}`)}`)
      return
    }
    setBusy(true)
    setError(null)
    try {
      const bargain = await launchBargain(activity.id, share)
      void navigate(`/h5/bargains/${bargain.id}`)
    } catch (reason) {
      setError(reason) // sold out, launch limit, activity paused or ended: the server's words
      setBusy(false)
    }
  }

  return (
    <>
      <div className="h5-entry" data-testid="bargain-entry">
        <span>
          <strong>砍价 最低 {formatYuan(activity.floorPriceFen)}</strong>
          <span className="h5-block-text">
            原价 {formatYuan(activity.originalPriceFen)}，邀 {activity.helpersNeeded}{' '}
            位好友帮砍到底价
          </span>
        </span>
        <button type="button" className="h5-button" disabled={busy} onClick={() => void launch()}>
          发起砍价
        </button>
      </div>
      <ErrorNote error={error} />
    </>
  )
}
