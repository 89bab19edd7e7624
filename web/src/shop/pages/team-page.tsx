import { useEffect, useState } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { getTeam, getTeamBuy, type TeamWithViewer } from '../api/promotions'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { H5_SHARE_TEXTS, ShareQr } from '../../components/share-qr'
import { missingText, teamCheckoutPath } from '../components/team-buy-panel'
import { TEAM_STATUS_ZH } from '../team-labels'
import { formatLeft, useServerNow } from '../use-server-clock'
import '../team-flash.css'

// Payments and other buyers' joins arrive while the page is open: re-read until the team ends.
const POLL_MS = 3_000

/** One team: its status, members and time left, the share link; 参与拼团 or 你已参团. */
export default function TeamPage() {
  const { id = '' } = useParams()
  const [params] = useSearchParams()
  const [version, setVersion] = useState(0)
  const team = useRequest((signal) => getTeam(id, signal), `${id}:${version}`)
  const status = team.data?.status
  useEffect(() => {
    if (status !== 'pending' && status !== 'open') return
    const timer = setTimeout(() => setVersion((v) => v + 1), POLL_MS)
    return () => clearTimeout(timer)
  }, [status, version])
  const now = useServerNow(team.data?.serverTime)

  if (!team.data || now === undefined)
    return team.error ? <ErrorNote error={team.error} /> : <Loading />
  return (
    <TeamView
      team={team.data}
      now={now}
      myOrderId={params.get('order')}
      share={params.get('share')}
    />
  )
}

function TeamView(props: {
  team: TeamWithViewer
  now: number
  myOrderId: string | null
  share: string | null
}) {
  const { team, now, share } = props
  // The server knows the viewer's seat; ?order= (from checkout) covers a page opened signed out.
  const seat = team.viewerSeat
  const myOrderId = seat?.orderId ?? props.myOrderId
  const navigate = useNavigate()
  // The activity's terms, while it runs (an ended activity's teams are still shown).
  const activity = useRequest((signal) => getTeamBuy(team.activityId, signal), team.activityId)
  const terms = activity.data?.activity
  const open = team.status === 'open'
  const timeLeft = team.expiresAt ? formatLeft(team.expiresAt, now) : null
  const canJoin = open && !myOrderId && team.seatsLeft > 0 && timeLeft !== '00:00:00'
  const won = team.status === 'succeeded' || team.status === 'virtual_ok'

  return (
    <div className="h5-pad">
      <PageTitle>拼团详情</PageTitle>
      {terms && (
        <p>
          <Link to={`/h5/products/${terms.productId}`} className="h5-link">
            {terms.productTitle}
          </Link>{' '}
          <span className="h5-muted">{terms.spec}</span>
          <span className="h5-block-text">
            <span className="h5-price">{formatYuan(terms.teamPriceFen)}</span>{' '}
            <span className="h5-muted">
              拼团价 · 单买价 <s>{formatYuan(terms.soloPriceFen)}</s>
            </span>
          </span>
        </p>
      )}
      <p className="h5-status h5-status-large" data-testid="team-status">
        {TEAM_STATUS_ZH[team.status]}
      </p>
      {open && (
        <p className="h5-team-missing">
          {team.size}人团 · <strong>{missingText(team)}</strong>
          {timeLeft && (
            <span className="h5-block-text">
              剩余{' '}
              <span className="h5-countdown" data-testid="team-countdown">
                {timeLeft}
              </span>{' '}
              结束
            </span>
          )}
        </p>
      )}
      {won && (
        <p className="h5-note">
          {team.size}人已拼成，商品将按订单发货或备货待取
          {team.virtualMembers > 0 && `（含平台补位 ${team.virtualMembers} 人）`}
        </p>
      )}
      {team.status === 'failed' && (
        <p className="h5-muted">到时未拼满，已付款项将自动全额退回原支付账户。</p>
      )}
      <h2 className="h5-section-title">团员</h2>
      <ul className="h5-chips" aria-label="团员">
        {team.members.map((member, index) => (
          <li key={`${member.paidAt}-${index}`} className="h5-member">
            {member.nickname}
            {member.isLeader && <span className="h5-tag">团长</span>}
          </li>
        ))}
        {Array.from(
          { length: Math.max(0, team.size - team.members.length - team.virtualMembers) },
          (_, index) => (
            <li key={`empty-${index}`} className="h5-member h5-member-empty" aria-label="空位">
              ?
            </li>
          ),
        )}
      </ul>
      {open && team.shareCode && <ShareLink code={team.shareCode} />}
      {canJoin && (
        <button
          type="button"
          className="h5-button h5-block"
          onClick={() => void navigate(teamCheckoutPath(team.activityId, team.id, share))}
        >
          参与拼团
        </button>
      )}
      {seat && (
        <p className="h5-note" data-testid="team-joined">
          你已参团{seat.isLeader ? '（团长）' : ''}
        </p>
      )}
      {myOrderId && (
        <Link className="h5-button h5-button-ghost h5-block" to={`/h5/orders/${myOrderId}`}>
          查看我的订单
        </Link>
      )}
    </div>
  )
}

/** The team's share link: a QR code to scan, the URL to long-press in WeChat, one-tap copy. */
function ShareLink({ code }: { code: string }) {
  return (
    <section className="h5-team-share" aria-label="分享拼团">
      <p className="h5-muted">邀请亲友参与拼团：</p>
      <ShareQr
        code={code}
        texts={{ ...H5_SHARE_TEXTS, label: '拼团分享二维码', copied: '链接已复制，发给亲友一起拼' }}
        buttonClassName="h5-button h5-block"
      />
    </section>
  )
}
