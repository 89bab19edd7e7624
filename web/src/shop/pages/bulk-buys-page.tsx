import { Link } from 'react-router-dom'
import { formatYuan } from '../../lib/format'
import { listBulkBuys } from '../api/bulk-buys'
import '../bargain.css'
import { BULK_RULE_ZH } from '../bulk-buy-labels'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { useLoadMore } from '../use-load-more'

const PAGE_SIZE = 10

/** Every 团购 campaign taking orders now, soonest to close first, with its exact progress. */
export default function BulkBuysPage() {
  const campaigns = useLoadMore(
    (page, signal) => listBulkBuys({ page, pageSize: PAGE_SIZE }, signal),
    'bulk-buys',
  )
  return (
    <div className="h5-pad">
      <PageTitle>团购</PageTitle>
      <p className="h5-muted">{BULK_RULE_ZH}</p>
      <ErrorNote error={campaigns.error} />
      {!campaigns.loading && campaigns.items.length === 0 && (
        <p className="h5-muted h5-center">暂无进行中的团购活动。</p>
      )}
      <ul className="h5-list" aria-label="团购活动">
        {campaigns.items.map((campaign) => (
          <li key={campaign.id}>
            <Link className="h5-card h5-order-link" to={`/h5/bulk-buys/${campaign.id}`}>
              <strong>{campaign.title}</strong>
              <span className="h5-muted">
                {campaign.productTitle} {campaign.spec}
              </span>
              <span className="h5-price">{formatYuan(campaign.currentPriceFen)}</span>
              <span data-testid="bulk-buy-progress">{campaign.text}</span>
              {campaign.pickupStoreName && (
                <span className="h5-muted">
                  {campaign.pickupDate ? `${campaign.pickupDate} ` : ''}到{' '}
                  {campaign.pickupStoreName} 自提
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      {campaigns.loading && <Loading />}
      {campaigns.hasMore && (
        <button
          type="button"
          className="h5-button h5-button-ghost h5-block"
          onClick={campaigns.loadMore}
        >
          加载更多
        </button>
      )}
    </div>
  )
}
