import { Link } from 'react-router-dom'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { getBulkBuy, type CampaignProgress } from '../api/bulk-buys'
import '../bargain.css'
import { BULK_RULE_ZH, BULK_STATUS_ZH } from '../bulk-buy-labels'
import { seenBulkBuys } from '../bulk-buy-seen'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'

/** The 团购 campaigns this phone has opened (there is no public list of all campaigns yet). */
export default function BulkBuysPage() {
  const ids = seenBulkBuys()
  const campaigns = useRequest(
    (signal) =>
      Promise.all(ids.map((id) => getBulkBuy(id, signal).catch(() => null))).then((found) =>
        found.filter((campaign): campaign is CampaignProgress => campaign !== null),
      ),
    ids.join(','),
  )
  return (
    <div className="h5-pad">
      <PageTitle>团购</PageTitle>
      <p className="h5-muted">{BULK_RULE_ZH}</p>
      <ErrorNote error={campaigns.error} />
      {!campaigns.data && <Loading />}
      {campaigns.data?.length === 0 && (
        <p className="h5-muted h5-center">暂无团购活动，打开朋友或村里分享的团购链接即可参团。</p>
      )}
      <ul className="h5-list" aria-label="团购活动">
        {campaigns.data?.map((campaign) => (
          <li key={campaign.id}>
            <Link className="h5-card h5-order-link" to={`/h5/bulk-buys/${campaign.id}`}>
              <strong>{campaign.title}</strong>
              <span className="h5-price">{formatYuan(campaign.currentPriceFen)}</span>
              <span>{campaign.text}</span>
              <span className="h5-muted">{BULK_STATUS_ZH[campaign.status]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
