import { useState } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import {
  getTeamBuy,
  joinTeam,
  openTeam,
  type SeatTaken,
  type TeamActivity,
} from '../api/promotions'
import { DeliveryChoice, type Delivery } from '../components/delivery-choice'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { QuantityStepper } from '../components/quantity-stepper'
import { useShopSession } from '../shop-session'

/** Buys a 拼团 seat: ?activity= opens a team, &team= joins one; &share= credits the share link. */
export default function TeamCheckoutPage() {
  const { shopper } = useShopSession()
  const [params] = useSearchParams()
  const here = `/h5/team-checkout?${params.toString()}`
  const activityId = params.get('activity') ?? ''
  const activity = useRequest((signal) => getTeamBuy(activityId, signal), activityId)
  if (shopper === undefined) return <Loading />
  if (shopper === null)
    return <Navigate to={`/h5/login?next=${encodeURIComponent(here)}`} replace />
  if (activity.error) return <ErrorNote error={activity.error} />
  if (!activity.data) return <Loading />
  return (
    <SeatForm
      activity={activity.data.activity}
      teamId={params.get('team')}
      share={params.get('share')}
    />
  )
}

function SeatForm(props: { activity: TeamActivity; teamId: string | null; share: string | null }) {
  const { activity, teamId, share } = props
  const navigate = useNavigate()
  const [delivery, setDelivery] = useState<Delivery>({ kind: 'store_pickup', targetId: null })
  const [quantity, setQuantity] = useState(1)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const body = {
        quantity,
        delivery: delivery.kind,
        ...(delivery.kind === 'home'
          ? { addressId: delivery.targetId ?? undefined }
          : { pickupLocationId: delivery.targetId ?? undefined }),
      }
      const taken = teamId
        ? await joinTeam(teamId, body, share)
        : await openTeam(activity.id, body, share)
      void navigate(nextAfterSeat(taken))
    } catch (reason) {
      setError(reason)
      setBusy(false)
    }
  }

  return (
    <div className="h5-form h5-pad">
      <PageTitle>{teamId ? '参与拼团' : '发起拼团'}</PageTitle>
      <ul className="h5-list" aria-label="订单商品">
        <li className="h5-line">
          <span className="h5-line-title">{activity.productTitle}</span>
          <span className="h5-muted">
            {activity.spec} · {activity.teamSize}人团 · 拼团价 {formatYuan(activity.teamPriceFen)}
          </span>
          <span className="h5-price">{formatYuan(activity.teamPriceFen * quantity)}</span>
        </li>
      </ul>
      <QuantityStepper
        label="购买数量"
        value={quantity}
        onChange={(value) => setQuantity(Math.min(value, activity.perOrderLimit))}
      />
      <p className="h5-muted">
        付款后{teamId ? '加入该团' : '开团，把分享链接发给亲友'}；满 {activity.teamSize}{' '}
        人即成团发货，到时未成团自动全额退款。
      </p>
      <DeliveryChoice value={delivery} onChange={setDelivery} />
      <ErrorNote error={error} />
      <div className="h5-actions">
        <span className="h5-total">
          商品合计{' '}
          <strong className="h5-price">{formatYuan(activity.teamPriceFen * quantity)}</strong>
        </span>
        <button
          type="button"
          className="h5-button"
          disabled={busy || delivery.targetId === null}
          onClick={() => void submit()}
        >
          {teamId ? '参与拼团' : '发起拼团'}
        </button>
      </div>
    </div>
  )
}

/** To the pay page, which returns to the team (with the buyer's order); without one, to the team. */
function nextAfterSeat(taken: SeatTaken): string {
  const teamPath = `/h5/teams/${encodeURIComponent(taken.teamId)}?order=${encodeURIComponent(taken.orderId)}`
  if (taken.action?.kind !== 'redirect') return teamPath
  const separator = taken.action.url.includes('?') ? '&' : '?'
  return `${taken.action.url}${separator}next=${encodeURIComponent(teamPath)}`
}
