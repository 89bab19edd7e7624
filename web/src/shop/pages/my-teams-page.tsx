import { Link } from 'react-router-dom'
import { formatDateTime } from '../../lib/format'
import { listMyTeams } from '../api/my-teams'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { useShopSession } from '../shop-session'
import { SEAT_STATUS_ZH, TEAM_STATUS_ZH } from '../team-labels'
import { useLoadMore } from '../use-load-more'
import '../team-flash.css'

const PAGE_SIZE = 10

/** 我的拼团: the teams I opened or joined, newest first, each with its team and my order. */
export default function MyTeamsPage() {
  const { shopper } = useShopSession()
  if (shopper === undefined) return <Loading />
  if (shopper === null)
    return (
      <div className="h5-pad h5-center">
        <PageTitle>我的拼团</PageTitle>
        <Link to="/h5/login?next=%2Fh5%2Fmy%2Fteams" className="h5-button">
          手机号登录
        </Link>
      </div>
    )
  return <TeamList />
}

function TeamList() {
  const teams = useLoadMore((page, signal) => listMyTeams(page, PAGE_SIZE, signal), 'my-teams')
  return (
    <div className="h5-pad">
      <PageTitle>我的拼团</PageTitle>
      <ErrorNote error={teams.error} />
      {!teams.loading && teams.items.length === 0 && (
        <p className="h5-muted h5-center">还没有参加过拼团</p>
      )}
      <ul className="h5-list" aria-label="我的拼团">
        {teams.items.map((team) => (
          <li key={team.teamId} className="h5-card" data-testid="my-team">
            <Link to={`/h5/teams/${team.teamId}`} className="h5-order-link">
              <span className="h5-order-head">
                <span>{team.productTitle}</span>
                <strong className="h5-status">{TEAM_STATUS_ZH[team.teamStatus]}</strong>
              </span>
              <span className="h5-muted">
                {team.activityTitle} · {team.spec} · {team.seat.isLeader ? '我是团长' : '我参团'}
              </span>
              <span>
                已付款 {team.paidMembers}/{team.size} 人
                {team.teamStatus === 'open' && team.expiresAt
                  ? ` · ${formatDateTime(team.expiresAt, 'zh-CN')} 截止`
                  : ''}
              </span>
            </Link>
            <Link to={`/h5/orders/${team.seat.orderId}`} className="h5-link">
              我的订单（{SEAT_STATUS_ZH[team.seat.status]}）
            </Link>
          </li>
        ))}
      </ul>
      {teams.loading && <Loading />}
      {teams.hasMore && (
        <button
          type="button"
          className="h5-button h5-button-ghost h5-block"
          onClick={teams.loadMore}
        >
          加载更多
        </button>
      )}
    </div>
  )
}
