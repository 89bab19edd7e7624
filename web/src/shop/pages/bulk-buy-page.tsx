import { useState } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { formatYuan, shanghaiDay } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { getBulkBuy, joinBulkBuy, type CampaignProgress } from '../api/bulk-buys'
import { listPickupPoints } from '../api/orders'
import '../bargain.css'
import { payPathFor } from '../bargain-links'
import { BULK_RULE_ZH, BULK_STATUS_ZH } from '../bulk-buy-labels'
import { TimeLeft } from '../components/bargain-time-left'
import { DeliveryChoice, type Delivery } from '../components/delivery-choice'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { QuantityStepper } from '../components/quantity-stepper'
import { useShopSession } from '../shop-session'

// One 团购 campaign: the price ladder, the exact progress line the server writes ("已团 312 件，
// 再 188 件降到 ¥38.00"), the terms, and joining at the current tier's price.

export default function BulkBuyPage() {
  const { id = '' } = useParams()
  const campaign = useRequest((signal) => getBulkBuy(id, signal), id)
  if (campaign.error && !campaign.data) return <ErrorNote error={campaign.error} />
  if (!campaign.data) return <Loading />
  return <BulkBuyView campaign={campaign.data} />
}

function BulkBuyView({ campaign }: { campaign: CampaignProgress }) {
  const open = campaign.status === 'open'
  return (
    <div className="h5-pad">
      <PageTitle>{campaign.title}</PageTitle>
      <p className="h5-muted">
        {campaign.productTitle} {campaign.spec} · 团购 · {BULK_STATUS_ZH[campaign.status]}
      </p>
      <p className="h5-price h5-price-large">当前团购价 {formatYuan(campaign.currentPriceFen)}</p>
      <p className="h5-progress-line" data-testid="bulk-progress">
        {campaign.text}
      </p>
      {open && <TimeLeft endsAt={campaign.endsAt} serverTime={campaign.serverTime} />}
      <Ladder campaign={campaign} />
      <dl className="h5-facts">
        <dt>成团数量</dt>
        <dd>
          至少 {campaign.minQuantity} 件
          {campaign.unitsToMinimum > 0 ? `（还差 ${campaign.unitsToMinimum} 件）` : '（已达成）'}
        </dd>
        <dt>剩余可团</dt>
        <dd>{campaign.left} 件</dd>
        <dt>每人限购</dt>
        <dd>
          {campaign.perUserMax} 件
          {campaign.viewer &&
            `（你已买 ${campaign.viewer.paidQuantity} 件，还可买 ${campaign.viewer.canBuyQuantity} 件）`}
        </dd>
        {campaign.pickupLocationId && <PickupFacts campaign={campaign} />}
      </dl>
      <p className="h5-note">{BULK_RULE_ZH}</p>
      {open && campaign.left > 0 ? (
        <JoinForm campaign={campaign} />
      ) : (
        <p className="h5-muted">{open ? '名额已满' : '当前不能参团'}</p>
      )}
    </div>
  )
}

/** Each tier's quantity and price; the tier the current price comes from is highlighted. */
function Ladder({ campaign }: { campaign: CampaignProgress }) {
  return (
    <table className="h5-ladder" aria-label="阶梯价格">
      <thead>
        <tr>
          <th scope="col">累计成团数量</th>
          <th scope="col">每件价格</th>
        </tr>
      </thead>
      <tbody>
        {campaign.ladder.map((tier) => {
          const current = tier.priceFen === campaign.currentPriceFen
          return (
            <tr
              key={tier.minQuantity}
              className={current ? 'current' : undefined}
              aria-current={current ? 'true' : undefined}
            >
              <td>
                {tier.minQuantity === 0 ? '起步价' : `满 ${tier.minQuantity} 件`}
                {current && '（当前）'}
              </td>
              <td>{formatYuan(tier.priceFen)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** 社区团购: every order is collected at the campaign's store on its pickup date. */
function PickupFacts({ campaign }: { campaign: CampaignProgress }) {
  const stores = useRequest((signal) => listPickupPoints('store', signal), 'store')
  const store = stores.data?.find((point) => point.id === campaign.pickupLocationId)
  const tomorrow = shanghaiDay(1, Date.parse(campaign.serverTime))
  return (
    <>
      <dt>自提门店</dt>
      <dd>
        {store?.name ?? '体验店'}
        {store && store.address !== store.name && (
          <span className="h5-muted h5-block-text">{store.address}</span>
        )}
      </dd>
      {campaign.pickupDate && (
        <>
          <dt>提货日期</dt>
          <dd>
            {campaign.pickupDate}
            {campaign.pickupDate === tomorrow && '（社区团购：今日下单，明日到店自提）'}
          </dd>
        </>
      )}
    </>
  )
}

function JoinForm({ campaign }: { campaign: CampaignProgress }) {
  const { shopper } = useShopSession()
  const navigate = useNavigate()
  const pickupId = campaign.pickupLocationId
  const [quantity, setQuantity] = useState(1)
  const [delivery, setDelivery] = useState<Delivery>({
    kind: 'store_pickup',
    targetId: pickupId,
  })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const share = useSearchParams()[0].get('share')

  const join = async () => {
    setBusy(true)
    setError(null)
    try {
      const joined = await joinBulkBuy(
        campaign.id,
        {
          quantity,
          delivery: delivery.kind,
          ...(delivery.kind === 'home'
            ? { addressId: delivery.targetId ?? undefined }
            : { pickupLocationId: delivery.targetId ?? undefined }),
        },
        share,
      )
      void navigate(payPathFor(joined.action, joined.orderId))
    } catch (reason) {
      setError(reason) // over the per-user maximum, no room under the cap, paused: server's words
      setBusy(false)
    }
  }

  if (shopper === null)
    return (
      <Link
        className="h5-button h5-block"
        to={`/h5/login?next=${encodeURIComponent(`/h5/bulk-buys/${campaign.id}`)}`}
      >
        登录后参团
      </Link>
    )
  if (campaign.viewer?.canBuyQuantity === 0)
    return (
      <p className="h5-muted h5-center" role="status">
        {campaign.viewer.paidQuantity >= campaign.perUserMax
          ? '你已买满每人限购的件数'
          : '团购已满或暂停，暂时不能参团'}
      </p>
    )
  return (
    <section className="h5-form" aria-label="参团">
      <QuantityStepper
        label="参团数量"
        value={quantity}
        onChange={setQuantity}
        max={Math.max(1, campaign.viewer?.canBuyQuantity ?? campaign.perUserMax)}
      />
      {!pickupId && <DeliveryChoice value={delivery} onChange={setDelivery} />}
      <ErrorNote error={error} />
      <div className="h5-actions">
        <span className="h5-total">
          先按{' '}
          <strong className="h5-price">{formatYuan(campaign.currentPriceFen * quantity)}</strong>{' '}
          支付
        </span>
        <button
          type="button"
          className="h5-button"
          disabled={busy || !shopper || delivery.targetId === null}
          onClick={() => void join()}
        >
          参团
        </button>
      </div>
    </section>
  )
}
