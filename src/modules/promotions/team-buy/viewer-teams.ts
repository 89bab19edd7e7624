import type { Db } from '../../../db/database.js'
import { type Page, type PageQuery, pageWindow } from '../../../platform/http/index.js'
import { skuLabels } from '../../commerce/index.js'
import type { MyTeam, ViewerSeat } from './schema.js'

// Teams as the signed-in customer sees them: their own seat in a team, and the teams they
// joined (newest first), so the H5 shows 你已参团 and 我的拼团 from the server, not the phone.

export async function viewerSeat(
  db: Db,
  teamId: string,
  viewerId: string | null,
): Promise<ViewerSeat | null> {
  if (viewerId === null) return null
  const seat = await db
    .selectFrom('team_seat')
    .select(['status', 'order_id', 'is_leader'])
    .where('team_id', '=', teamId)
    .where('user_id', '=', viewerId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  return seat
    ? { status: seat.status, orderId: seat.order_id, isLeader: seat.is_leader === 1 }
    : null
}

export async function myTeams(db: Db, userId: string, query: PageQuery): Promise<Page<MyTeam>> {
  const { page, pageSize, offset } = pageWindow(query)
  const base = db
    .selectFrom('team_seat')
    .innerJoin('team', 'team.id', 'team_seat.team_id')
    .innerJoin('team_activity', 'team_activity.id', 'team_seat.activity_id')
    .where('team_seat.user_id', '=', userId)
  const [counted, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    base
      .select([
        'team.id as team_id',
        'team.activity_id',
        'team.status as team_status',
        'team.paid_members',
        'team.size',
        'team.expires_at',
        'team_activity.title as activity_title',
        'team_activity.sku_id',
        'team_seat.status as seat_status',
        'team_seat.order_id',
        'team_seat.is_leader',
        'team_seat.created_at',
      ])
      .orderBy('team_seat.created_at', 'desc')
      .orderBy('team_seat.id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  const labels = await skuLabels(
    db,
    rows.map((row) => row.sku_id),
  )
  const items = rows.map((row) => ({
    teamId: row.team_id,
    activityId: row.activity_id,
    activityTitle: row.activity_title,
    productId: labels.get(row.sku_id)?.productId ?? '',
    productTitle: labels.get(row.sku_id)?.productTitle ?? '',
    spec: labels.get(row.sku_id)?.spec ?? '',
    teamStatus: row.team_status,
    paidMembers: row.paid_members,
    size: row.size,
    expiresAt: row.expires_at,
    seat: { status: row.seat_status, orderId: row.order_id, isLeader: row.is_leader === 1 },
    joinedAt: row.created_at,
  }))
  return { items, total: Number(counted.total), page, pageSize }
}
