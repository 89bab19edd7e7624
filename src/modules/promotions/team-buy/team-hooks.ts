import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { returnActivityStock, takeActivityStock } from './activity-stock.js'
import type { TeamSeatTable, TeamTable } from './schema.js'
import { countedHooks } from '../share-links/index.js'
import { transitionSeat, transitionTeam } from './team-states.js'
import {
  fulfilPaidOrder,
  ordersById,
  paymentPaidAt,
  type PromotionHooks,
  type ShopOrderTable,
} from '../../commerce/index.js'

// What a team hears from commerce, inside the payment callback's or the expiry's transaction.
// Rows are locked in one order everywhere (stock, then team, then seat, then activity), so
// concurrent payments, joins and expiry rounds cannot deadlock on PostgreSQL.

// A member's order stays paid but unfulfilled ('hold') until the team forms: goods go out only
// for teams that succeed, and a failed team refunds money for goods that never left.
type Answer = 'keep' | 'hold' | 'refund'

/** A seat's order was paid: count it in its team, or answer 'refund' when it cannot be. */
export async function seatPaid(db: Db, actor: Actor, order: ShopOrderTable): Promise<Answer> {
  const seat = await seatOf(db, order)
  if (!seat) return 'refund'
  const team = await db
    .selectFrom('team')
    .selectAll()
    .where('id', '=', seat.team_id)
    .executeTakeFirstOrThrow()
  const paidAt = await paidAtOf(db, order)
  // A held seat is still ours even when `late` (the window lapsed, the hold was not yet freed).
  if (seat.status === 'held') {
    if (team.status === 'pending' && seat.is_leader === 1)
      return openTeam(db, actor, team, seat, paidAt)
    if (team.status === 'open' && (await countPaidSeat(db, team.id, 'held')))
      return admit(db, actor, team, seat, 'held', paidAt)
    // The team finished while the payment was under way: give the seat and the money back.
    await db
      .updateTable('team')
      .set((eb) => ({ held_seats: eb('held_seats', '-', 1) }))
      .where('id', '=', team.id)
      .where('held_seats', '>', 0)
      .execute()
    return refuse(db, actor, seat, 'held', `team ${team.status}`)
  }
  if (seat.status === 'released') {
    // Paid after the window lapsed: kept only while the team is open and still has room.
    const open = team.status === 'open' && (team.expires_at ?? '') > paidAt
    if (open && !(await hasOtherOpenSeat(db, seat)) && (await countPaidSeat(db, team.id, 'late'))) {
      if (await takeActivityStock(db, seat.activity_id, seat.quantity))
        return admit(db, actor, team, seat, 'released', paidAt)
      await db
        .updateTable('team')
        .set((eb) => ({ paid_members: eb('paid_members', '-', 1) }))
        .where('id', '=', team.id)
        .execute()
    }
    return refuse(db, actor, seat, 'released', 'late payment, no room')
  }
  // Paid or refunded already: a seat is paid for once.
  return 'refund'
}

/** A seat's unpaid order was cancelled (window lapsed, buyer gave up): the seat is free again. */
export async function seatCancelled(db: Db, actor: Actor, order: ShopOrderTable): Promise<void> {
  const seat = await seatOf(db, order)
  if (seat?.status !== 'held') return
  const team = await db
    .selectFrom('team')
    .selectAll()
    .where('id', '=', seat.team_id)
    .executeTakeFirstOrThrow()
  await db
    .updateTable('team')
    .set((eb) => ({ held_seats: eb('held_seats', '-', 1) }))
    .where('id', '=', team.id)
    .where('held_seats', '>', 0)
    .execute()
  if (seat.is_leader === 1 && team.status === 'pending')
    await transitionTeam(db, actor, team.id, 'pending', 'failed', {
      set: { finished_at: nowIso() },
      note: 'the leader did not pay',
    })
  await transitionSeat(db, actor, seat, 'held', 'released', { note: 'payment window lapsed' })
  await returnActivityStock(db, seat.activity_id, seat.quantity)
}

/** The leader paid: the team becomes visible, open until min(paid + TTL, activity end). */
async function openTeam(
  db: Db,
  actor: Actor,
  team: TeamTable,
  seat: TeamSeatTable,
  paidAt: string,
): Promise<Answer> {
  const activity = await db
    .selectFrom('team_activity')
    .select(['ttl_s', 'ends_at'])
    .where('id', '=', team.activity_id)
    .executeTakeFirstOrThrow()
  const byTtl = addSeconds(paidAt, activity.ttl_s)
  const expiresAt = byTtl < activity.ends_at ? byTtl : activity.ends_at
  const opened = await transitionTeam(db, actor, team.id, 'pending', 'open', {
    set: { opened_at: paidAt, expires_at: expiresAt, paid_members: 1, held_seats: 0 },
  })
  if (!opened) return refuse(db, actor, seat, 'held', 'team no longer pending')
  await transitionSeat(db, actor, seat, 'held', 'paid', { set: { paid_at: paidAt } })
  return 'hold'
}

/**
 * Counts one more paid member, never past the team's size: a held seat trades its hold for a
 * paid place; a late payment needs a place neither paid nor held.
 */
async function countPaidSeat(db: Db, teamId: string, seat: 'held' | 'late'): Promise<boolean> {
  const update =
    seat === 'held'
      ? db
          .updateTable('team')
          .set((eb) => ({
            paid_members: eb('paid_members', '+', 1),
            held_seats: eb('held_seats', '-', 1),
          }))
          .whereRef('paid_members', '<', 'size')
      : db
          .updateTable('team')
          .set((eb) => ({ paid_members: eb('paid_members', '+', 1) }))
          .where((eb) => eb(eb('paid_members', '+', eb.ref('held_seats')), '<', eb.ref('size')))
  const result = await update
    .where('id', '=', teamId)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

async function admit(
  db: Db,
  actor: Actor,
  team: TeamTable,
  seat: TeamSeatTable,
  from: 'held' | 'released',
  paidAt: string,
): Promise<Answer> {
  await transitionSeat(db, actor, seat, from, 'paid', {
    set: {
      paid_at: paidAt,
      ...(from === 'released' ? { open_activity_id: seat.activity_id } : {}),
    },
    ...(from === 'released' ? { note: 'paid after the window, room left' } : {}),
  })
  // The N-th payment forms the team, in this same transaction; the condition makes it once.
  const formed = await transitionTeam(db, actor, team.id, 'open', 'succeeded', {
    set: { finished_at: paidAt },
    whenFull: true,
  })
  if (!formed) return 'hold'
  // The other members' goods go out now; this order's are sent by commerce on 'keep'.
  await fulfilTeamOrders(db, actor, team.id, seat.id)
  return 'keep'
}

/** A team formed (or was filled virtually): every paid member's order goes to its buyer. */
export async function fulfilTeamOrders(
  db: Db,
  actor: Actor,
  teamId: string,
  exceptSeatId: string | null = null,
): Promise<void> {
  const seats = await db
    .selectFrom('team_seat')
    .select('order_id')
    .where('team_id', '=', teamId)
    .where('status', '=', 'paid')
    .where('id', '!=', exceptSeatId ?? '')
    .execute()
  const orders = await ordersById(
    db,
    seats.map((seat) => seat.order_id),
  )
  for (const seat of seats) {
    const order = orders.get(seat.order_id)
    if (order?.status === 'paid') await fulfilPaidOrder(db, actor, order)
  }
}

/** A member of a team still forming may not take the money back; after it has formed, they may. */
async function refusesRefund(db: Db, order: ShopOrderTable) {
  const seat = await seatOf(db, order)
  if (seat?.status !== 'paid') return null
  const team = await db
    .selectFrom('team')
    .select('status')
    .where('id', '=', seat.team_id)
    .executeTakeFirstOrThrow()
  return team.status === 'open'
    ? {
        en: 'the team is still forming: a paid member cannot cancel until it forms or fails',
        zh: '拼团进行中，成团或拼团失败前不能取消或退款',
      }
    : null
}

async function refuse(
  db: Db,
  actor: Actor,
  seat: TeamSeatTable,
  from: 'held' | 'released',
  note: string,
): Promise<Answer> {
  await transitionSeat(db, actor, seat, from, 'refunded', { note })
  if (from === 'held') await returnActivityStock(db, seat.activity_id, seat.quantity)
  return 'refund'
}

async function seatOf(db: Db, order: ShopOrderTable): Promise<TeamSeatTable | undefined> {
  if (order.promotion_id === null) return undefined
  return db
    .selectFrom('team_seat')
    .selectAll()
    .where('id', '=', order.promotion_id)
    .where('order_id', '=', order.id)
    .executeTakeFirst()
}

/** When the money came, by the provider's word (the payment row is updated before the hook). */
async function paidAtOf(db: Db, order: ShopOrderTable): Promise<string> {
  if (order.payment_id === null) return nowIso()
  return (await paymentPaidAt(db, order.payment_id)) ?? nowIso()
}

async function hasOtherOpenSeat(db: Db, seat: TeamSeatTable): Promise<boolean> {
  const other = await db
    .selectFrom('team_seat')
    .select('id')
    .where('open_activity_id', '=', seat.activity_id)
    .where('user_id', '=', seat.user_id)
    .executeTakeFirst()
  return other !== undefined
}

/** What commerce tells 拼团 about its orders, in the payment's or the expiry's transaction. */
export const teamBuyHooks = (): PromotionHooks =>
  countedHooks({ paid: seatPaid, cancelled: seatCancelled, refusesRefund })
