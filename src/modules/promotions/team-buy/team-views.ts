import type { Db } from '../../../db/database.js'
import { displayNamesOf } from '../../../platform/accounts/index.js'
import { nowIso } from '../../../shared/clock.js'
import { notFound } from '../../../shared/errors.js'
import { maskName } from '../../../shared/personal-data.js'
import type { Activity, ActivityWithTeams, Team, TeamActivityTable, TeamTable } from './schema.js'
import { skuIdsOfProduct, skuLabels, type SkuLabel } from '../../commerce/index.js'
import { shareLinksOf } from '../share-links/index.js'

// What buyers see: activities of a product, their joinable teams with masked members and the
// time left (with the server's clock, so a phone with a wrong clock counts down correctly).

export async function activitiesOf(
  db: Db,
  filter: { ids?: string[]; productId?: string; skuId?: string; status?: string },
): Promise<Activity[]> {
  let query = db.selectFrom('team_activity').selectAll()
  if (filter.ids) query = query.where('id', 'in', [...filter.ids, ''])
  if (filter.productId)
    query = query.where('sku_id', 'in', [...(await skuIdsOfProduct(db, filter.productId)), ''])
  if (filter.skuId) query = query.where('sku_id', '=', filter.skuId)
  if (filter.status) query = query.where('status', '=', filter.status as 'active')
  const rows = await query.orderBy('created_at', 'desc').limit(200).execute()
  const [labels, links] = await Promise.all([
    skuLabels(
      db,
      rows.map((row) => row.sku_id),
    ),
    shareLinksOf(
      db,
      'team_buy',
      rows.map((row) => row.id),
    ),
  ])
  return rows.flatMap((row) => {
    const label = labels.get(row.sku_id)
    return label ? [toActivity(row, label, links.get(row.id)?.code ?? null)] : []
  })
}

export const toActivity = (
  row: TeamActivityTable,
  label: SkuLabel,
  shareCode: string | null,
): Activity => ({
  id: row.id,
  skuId: row.sku_id,
  productId: label.productId,
  productTitle: label.productTitle,
  spec: label.spec,
  title: row.title,
  soloPriceFen: label.priceFen,
  teamPriceFen: row.team_price_fen,
  teamSize: row.team_size,
  ttlS: row.ttl_s,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  stock: row.stock,
  stockLeft: Math.max(0, row.stock - row.stock_taken),
  perOrderLimit: row.per_order_limit,
  perUserLimit: row.per_user_limit,
  newUserLeaderOnly: row.new_user_leader_only === 1,
  virtualFillMin: row.virtual_fill_min,
  status: row.status,
  shareCode,
})

/** Active activities (of a product or SKU) with the teams one can join now. */
export async function joinableActivities(
  db: Db,
  filter: { ids?: string[]; productId?: string; skuId?: string },
  now: string = nowIso(),
): Promise<ActivityWithTeams[]> {
  const activities = (await activitiesOf(db, { ...filter, status: 'active' })).filter(
    (activity) => activity.startsAt <= now && now < activity.endsAt,
  )
  const result: ActivityWithTeams[] = []
  for (const activity of activities) {
    const teams = await db
      .selectFrom('team')
      .selectAll()
      .where('activity_id', '=', activity.id)
      .where('status', '=', 'open')
      .where('expires_at', '>', now)
      .whereRef((eb) => eb('paid_members', '+', eb.ref('held_seats')), '<', 'size')
      // Nearly full and soonest to close first: the teams most worth joining.
      .orderBy((eb) => eb('size', '-', eb.ref('paid_members')))
      .orderBy('expires_at')
      .limit(20)
      .execute()
    result.push({ activity, teams: await toTeams(db, teams, now), serverTime: now })
  }
  return result
}

/** One team as anyone sees it; a team whose leader has not paid exists only for the leader. */
export async function getTeam(
  db: Db,
  id: string,
  viewerId: string | null,
  now: string = nowIso(),
): Promise<Team> {
  const row = await db.selectFrom('team').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || (row.status === 'pending' && row.leader_user_id !== viewerId))
    throw notFound({ en: 'team', zh: '拼团' }, id)
  const [team] = await toTeams(db, [row], now)
  if (!team) throw notFound({ en: 'team', zh: '拼团' }, id)
  return team
}

async function toTeams(db: Db, rows: readonly TeamTable[], now: string): Promise<Team[]> {
  const ids = [...rows.map((row) => row.id), '']
  const seats = await db
    .selectFrom('team_seat')
    .select(['team_id', 'is_leader', 'paid_at', 'user_id'])
    .where('team_id', 'in', ids)
    .where('status', '=', 'paid')
    .orderBy('is_leader', 'desc')
    .orderBy('paid_at')
    .execute()
  const names = await displayNamesOf(
    db,
    seats.map((seat) => seat.user_id),
  )
  const members = seats.flatMap((seat) => {
    const displayName = names.get(seat.user_id)
    return displayName === undefined ? [] : [{ ...seat, display_name: displayName }]
  })
  const links = await shareLinksOf(db, 'team', ids)
  return rows.map((row) => ({
    id: row.id,
    activityId: row.activity_id,
    status: row.status,
    size: row.size,
    paidMembers: row.paid_members,
    virtualMembers: row.virtual_members,
    seatsLeft:
      row.status === 'open' ? Math.max(0, row.size - row.paid_members - row.held_seats) : 0,
    expiresAt: row.expires_at,
    secondsLeft:
      row.status === 'open' && row.expires_at !== null
        ? Math.max(0, Math.floor((Date.parse(row.expires_at) - Date.parse(now)) / 1000))
        : 0,
    serverTime: now,
    members: members
      .filter((member) => member.team_id === row.id)
      .map((member) => ({
        nickname: maskName(member.display_name),
        // Customers have no avatar yet; the H5 page draws one from the nickname.
        avatarUrl: null,
        isLeader: member.is_leader === 1,
        paidAt: member.paid_at ?? '',
      })),
    shareCode: links.get(row.id)?.code ?? null,
  }))
}
