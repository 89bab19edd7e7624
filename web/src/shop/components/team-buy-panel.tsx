import { useNavigate } from 'react-router-dom'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { listProductTeamBuys, type ActivityWithTeams, type Team } from '../api/promotions'
import { formatLeft, useServerNow } from '../use-server-clock'
import '../team-flash.css'

/** Where a team seat is bought: ?activity= opens a team, &team= joins one; &share= is kept. */
export function teamCheckoutPath(
  activityId: string,
  teamId: string | null,
  share: string | null,
): string {
  const query = new URLSearchParams({ activity: activityId })
  if (teamId) query.set('team', teamId)
  if (share) query.set('share', share)
  return `/h5/team-checkout?${query.toString()}`
}

/** The product's running 拼团: team price against the solo price, and the teams to join now. */
export function TeamBuyPanel({ productId, share }: { productId: string; share: string | null }) {
  const running = useRequest((signal) => listProductTeamBuys(productId, signal), productId)
  const now = useServerNow(running.data?.[0]?.serverTime)
  // A product without a running activity shows nothing; a failed read must not hide the product.
  if (!running.data || now === undefined) return null
  return (
    <>
      {running.data.map((entry) => (
        <ActivityBlock key={entry.activity.id} entry={entry} now={now} share={share} />
      ))}
    </>
  )
}

function ActivityBlock({
  entry: { activity, teams },
  now,
  share,
}: {
  entry: ActivityWithTeams
  now: number
  share: string | null
}) {
  const navigate = useNavigate()
  const soldOut = activity.stockLeft <= 0
  return (
    <section className="h5-team-buy" aria-labelledby={`team-buy-${activity.id}`}>
      <h2 id={`team-buy-${activity.id}`} className="h5-section-title">
        <span className="h5-tag">{activity.teamSize}人团</span> {activity.title}
      </h2>
      <p className="h5-promo-prices">
        <span className="h5-price h5-team-price" data-testid="team-price">
          {formatYuan(activity.teamPriceFen)}
        </span>
        <span className="h5-muted">
          拼团价 · 单买价 <s>{formatYuan(activity.soloPriceFen)}</s>
        </span>
      </p>
      <p className="h5-muted">
        规格 {activity.spec} · 剩余 {activity.stockLeft} 件 · 每单限 {activity.perOrderLimit} 件
        {activity.newUserLeaderOnly && ' · 仅新用户可开团'}
      </p>
      <button
        type="button"
        className="h5-button h5-block"
        disabled={soldOut}
        onClick={() => void navigate(teamCheckoutPath(activity.id, null, share))}
      >
        {soldOut ? '已抢光' : '发起拼团'}
      </button>
      <h3 className="h5-subtitle">可参与的拼团</h3>
      {teams.length === 0 ? (
        <p className="h5-muted">暂无进行中的拼团</p>
      ) : (
        <ul className="h5-list" aria-label="可参与的拼团">
          {teams.map((team) => (
            <JoinableTeam
              key={team.id}
              team={team}
              now={now}
              onJoin={() => void navigate(teamCheckoutPath(activity.id, team.id, share))}
            />
          ))}
        </ul>
      )}
    </section>
  )
}

function JoinableTeam({ team, now, onJoin }: { team: Team; now: number; onJoin: () => void }) {
  const over = team.expiresAt === null || Date.parse(team.expiresAt) <= now
  const leader = team.members.find((member) => member.isLeader) ?? team.members[0]
  return (
    <li className="h5-team-row" data-testid="joinable-team">
      <span className="h5-team-who">
        <strong>{leader?.nickname ?? '团长'}</strong> 的团
        <span className="h5-muted h5-block-text">
          {missingText(team)} · 剩余{' '}
          <span className="h5-countdown">
            {team.expiresAt ? formatLeft(team.expiresAt, now) : '—'}
          </span>
        </span>
      </span>
      <button type="button" className="h5-button" disabled={over} onClick={onJoin}>
        {over ? '已结束' : '参与拼团'}
      </button>
    </li>
  )
}

/** 还差 N 人, and how many of those seats are free now (others may be paying). */
export function missingText(team: Team): string {
  const missing = Math.max(0, team.size - team.paidMembers)
  return team.seatsLeft < missing
    ? `还差 ${missing} 人（${team.seatsLeft} 个空位）`
    : `还差 ${missing} 人`
}
