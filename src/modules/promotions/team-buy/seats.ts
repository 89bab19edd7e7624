import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError, conflict, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { takeActivityStock } from './activity-stock.js'
import type { SeatBody, TeamActivityTable } from './schema.js'
import { attributeOrder, createShareLink } from '../share-links/index.js'
import { checkout, hasPaidOrder, PAYMENT_WINDOW_S } from '../../commerce/index.js'

// Taking a seat: the leader opening a team, or a member joining one. The seat is held for the
// payment window; the order is placed at the team price through commerce's checkout, in the same
// transaction. Stock rows are locked first (checkout), then the team, then the activity.

export interface SeatRequest {
  userId: string
  activityId: string
  /** Joining this team; without it the user opens a new team as its leader. */
  teamId?: string
  body: SeatBody
  shareCode?: string
}

export interface TakenSeat {
  teamId: string
  seatId: string
  paymentId: string
  orderId: string
}

export async function takeSeat(
  db: Db,
  actor: Actor,
  provider: string,
  request: SeatRequest,
  now: string = nowIso(),
): Promise<TakenSeat> {
  const activity = await liveActivity(db, request.activityId, now)
  const { quantity } = request.body
  await checkLimits(db, activity, request.userId, quantity, request.teamId !== undefined)
  const team = request.teamId === undefined ? undefined : await joinableTeam(db, request, now)
  if (!team && activity.new_user_leader_only === 1 && (await hasPaidBefore(db, request.userId)))
    throw conflict({ en: 'only new customers may open a team', zh: '仅限新用户开团' }, 'activityId')

  const seatId = newId()
  const shareCode = await attributeOrder(db, request.shareCode)
  const secondsLeft = team ? Math.floor((Date.parse(team.expires_at) - Date.parse(now)) / 1000) : 0
  const placed = await checkout(db, actor, request.userId, provider, {
    items: [{ skuId: activity.sku_id, quantity }],
    delivery: request.body.delivery,
    ...(request.body.addressId === undefined ? {} : { addressId: request.body.addressId }),
    ...(request.body.pickupLocationId === undefined
      ? {}
      : { pickupLocationId: request.body.pickupLocationId }),
    ...(request.body.note === undefined ? {} : { note: request.body.note }),
    promotion: {
      kind: 'team_buy',
      id: seatId,
      unitPriceFen: activity.team_price_fen,
      shareCode,
      // A member's payment should land before the team expires; one that does not is refunded.
      paymentWindowS: team
        ? Math.max(60, Math.min(PAYMENT_WINDOW_S, secondsLeft))
        : PAYMENT_WINDOW_S,
    },
  })
  const orderId = placed.orderIds[0] ?? ''

  const teamId = team?.id ?? newId()
  if (team) {
    // The hold, counted against the size in the same statement: never more than N seats.
    const held = await db
      .updateTable('team')
      .set((eb) => ({ held_seats: eb('held_seats', '+', 1) }))
      .where('id', '=', team.id)
      .where('status', '=', 'open')
      .where('expires_at', '>', now)
      .where((eb) => eb(eb('paid_members', '+', eb.ref('held_seats')), '<', eb.ref('size')))
      .executeTakeFirst()
    if (held.numUpdatedRows !== 1n) throw teamFull()
  } else {
    await db
      .insertInto('team')
      .values({
        id: teamId,
        activity_id: activity.id,
        leader_user_id: request.userId,
        status: 'pending',
        size: activity.team_size,
        paid_members: 0,
        held_seats: 1,
        virtual_members: 0,
        opened_at: null,
        expires_at: null,
        finished_at: null,
        created_at: now,
      })
      .execute()
    await createShareLink(db, { kind: 'team', id: teamId }, request.userId)
  }
  if (!(await takeActivityStock(db, activity.id, quantity)))
    throw conflict(
      {
        en: `only ${activity.stock - activity.stock_taken} left at the team price`,
        zh: `拼团库存仅剩 ${Math.max(0, activity.stock - activity.stock_taken)} 件`,
      },
      'quantity',
    )
  await db
    .insertInto('team_seat')
    .values({
      id: seatId,
      team_id: teamId,
      activity_id: activity.id,
      user_id: request.userId,
      order_id: orderId,
      quantity,
      status: 'held',
      is_leader: team ? 0 : 1,
      open_activity_id: activity.id,
      share_code: shareCode,
      paid_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await recordAudit(db, actor, {
    action: 'team_seat.held',
    entityType: 'team_seat',
    entityId: seatId,
    organizationId: null,
    after: { teamId, orderId, leader: !team, quantity, shareCode },
  })
  return { teamId, seatId, paymentId: placed.paymentId, orderId }
}

async function liveActivity(db: Db, id: string, now: string): Promise<TeamActivityTable> {
  const activity = await db
    .selectFrom('team_activity')
    .selectAll()
    .where('id', '=', id)
    .where('status', '<>', 'draft')
    .executeTakeFirst()
  if (!activity) throw notFound({ en: 'team-buy activity', zh: '拼团活动' }, id)
  if (activity.status !== 'active' || now < activity.starts_at || now >= activity.ends_at)
    throw conflict(
      { en: 'the activity is not running now', zh: '拼团活动未开始、已暂停或已结束' },
      'activityId',
    )
  return activity
}

async function checkLimits(
  db: Db,
  activity: TeamActivityTable,
  userId: string,
  quantity: number,
  joining: boolean,
): Promise<void> {
  if (quantity > activity.per_order_limit)
    throw invalidField('quantity', {
      en: `at most ${activity.per_order_limit} per order`,
      zh: `每单限购 ${activity.per_order_limit} 件`,
    })
  const mine = await db
    .selectFrom('team_seat')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number | string>('quantity'), eb.lit(0)).as('units'),
      eb.fn.count<number | string>('open_activity_id').as('open'),
    ])
    .where('activity_id', '=', activity.id)
    .where('user_id', '=', userId)
    .where('status', 'in', ['held', 'paid'])
    .executeTakeFirstOrThrow()
  if (Number(mine.open) > 0)
    throw conflict(
      {
        en: 'you are already in a team of this activity that has not finished',
        zh: '您已在本活动的一个进行中的团里',
      },
      joining ? 'teamId' : 'activityId',
    )
  if (Number(mine.units) + quantity > activity.per_user_limit)
    throw conflict(
      {
        en: `at most ${activity.per_user_limit} per customer in this activity`,
        zh: `本活动每人限购 ${activity.per_user_limit} 件`,
      },
      'quantity',
    )
}

async function joinableTeam(
  db: Db,
  request: SeatRequest,
  now: string,
): Promise<{ id: string; expires_at: string }> {
  const team = await db
    .selectFrom('team')
    .selectAll()
    .where('id', '=', request.teamId ?? '')
    .where('activity_id', '=', request.activityId)
    .where('status', '<>', 'pending')
    .executeTakeFirst()
  if (!team) throw notFound({ en: 'team', zh: '拼团' }, request.teamId ?? '')
  if (
    team.status !== 'open' ||
    team.expires_at === null ||
    team.expires_at <= now ||
    team.paid_members + team.held_seats >= team.size
  )
    throw teamFull()
  return { id: team.id, expires_at: team.expires_at }
}

const teamFull = () =>
  new AppError(
    'conflict',
    { en: 'the team is full or has closed', zh: '该团已满员或已结束，请参加其他团或自己开团' },
    [{ field: 'teamId', message: { en: 'full or closed', zh: '已满员或已结束' } }],
  )

/** A new customer has never paid for an order. */
const hasPaidBefore = hasPaidOrder
