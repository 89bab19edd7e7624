import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../../db/database.js'
import { type Actor, systemActor } from '../../../platform/http/index.js'
import { type PeriodicJob, startPeriodicJob } from '../../../platform/jobs/index.js'
import { nowIso } from '../../../shared/clock.js'
import { returnActivityStock } from './activity-stock.js'
import type { TeamTable } from './schema.js'
import { transitionSeat, transitionTeam } from './team-states.js'
import { fulfilTeamOrders } from './team-hooks.js'
import {
  ordersById,
  type PromotionHookRegistry,
  refundableFen,
  REFUNDABLE_STATUSES,
  startRefund,
} from '../../commerce/index.js'

// Teams that reach their expiry short of N members: FAILED, and every paid member refunded in
// full to the original payment route (commerce's payment worker submits the refund under a
// stable number), or VIRTUAL_OK when the activity allows the platform to fill the rest. The
// team's transition is a compare-and-set and the refunds start in its transaction, so however
// many rounds run (on however many nodes), each payer is refunded exactly once.

export interface ExpiryResult {
  failed: number
  virtualOk: number
  refundsStarted: number
}

export async function expireTeams(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  now: string = nowIso(),
): Promise<ExpiryResult> {
  const due = await db
    .selectFrom('team')
    .selectAll()
    .where('status', '=', 'open')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(100)
    .execute()
  const result: ExpiryResult = { failed: 0, virtualOk: 0, refundsStarted: 0 }
  for (const team of due) {
    const outcome = await db
      .transaction()
      .execute((trx) => expireTeam(trx, hooks, actor, team, now))
    if (outcome === 'virtual_ok') result.virtualOk += 1
    if (typeof outcome === 'number') {
      result.failed += 1
      result.refundsStarted += outcome
    }
  }
  return result
}

/** 'virtual_ok', the number of refunds started (failed), or null when another round won. */
async function expireTeam(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  team: TeamTable,
  now: string,
): Promise<'virtual_ok' | number | null> {
  const activity = await db
    .selectFrom('team_activity')
    .select('virtual_fill_min')
    .where('id', '=', team.activity_id)
    .executeTakeFirstOrThrow()
  const fillMin = activity.virtual_fill_min
  if (fillMin !== null && team.paid_members >= fillMin) {
    const filled = await transitionTeam(db, actor, team.id, 'open', 'virtual_ok', {
      set: { finished_at: now, virtual_members: team.size - team.paid_members },
      note: `${team.size - team.paid_members} seats filled by the platform`,
    })
    if (!filled) return null
    // Filled by the platform: the real members' goods go out as for a formed team.
    await fulfilTeamOrders(db, actor, team.id)
    return 'virtual_ok'
  }
  const failed = await transitionTeam(db, actor, team.id, 'open', 'failed', {
    set: { finished_at: now },
    note: 'expired short of its size',
  })
  if (!failed) return null
  const paidSeats = await db
    .selectFrom('team_seat')
    .select(['id', 'team_id', 'activity_id', 'quantity', 'order_id'])
    .where('team_id', '=', team.id)
    .where('status', '=', 'paid')
    .orderBy('id')
    .execute()
  const orders = await ordersById(
    db,
    paidSeats.map((seat) => seat.order_id),
  )
  const seats = paidSeats.flatMap((seat) => {
    const order = orders.get(seat.order_id)
    return order
      ? [
          {
            ...order,
            seat_id: seat.id,
            team_id: seat.team_id,
            activity_id: seat.activity_id,
            quantity: seat.quantity,
          },
        ]
      : []
  })
  let started = 0
  for (const seat of seats) {
    const left = await refundableFen(db, seat)
    if (REFUNDABLE_STATUSES.includes(seat.status) && left > 0) {
      await startRefund(db, hooks, actor, seat, seat.status, left, '拼团未成团，自动全额退款')
      started += 1
    }
    await transitionSeat(
      db,
      actor,
      { id: seat.seat_id, team_id: seat.team_id },
      'paid',
      'refunded',
      {
        note: 'team failed',
      },
    )
    await returnActivityStock(db, seat.activity_id, seat.quantity)
  }
  return started
}

export const startTeamBuyWorker = (
  db: Db,
  hooks: PromotionHookRegistry,
  log: FastifyBaseLogger,
  intervalMs = 10_000,
): PeriodicJob =>
  startPeriodicJob(
    'team-buys',
    intervalMs,
    () => expireTeams(db, hooks, systemActor('team-buys')),
    log,
    { db },
  )
