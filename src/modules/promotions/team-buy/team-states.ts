import type { UpdateObject } from 'kysely'
import type { Database, Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError } from '../../../shared/errors.js'
import type { ActivityStatus, SeatStatus, TeamStatus } from './schema.js'

// The three state machines of 拼团. Every transition is listed here, applied as a
// compare-and-set on the current status (of two racing transitions one wins, the other changes
// nothing and learns so), and audited in the same transaction.

const ACTIVITY_NEXT: Record<ActivityStatus, readonly ActivityStatus[]> = {
  draft: ['active', 'ended'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
}

/**
 * pending: the leader has not paid, nobody sees the team. open: the leader paid, others may
 * join until `expires_at`. succeeded: the N-th member paid. failed / virtual_ok: expired short
 * of N (virtual_ok when the platform fills the rest, which the report shows).
 */
const TEAM_NEXT: Record<TeamStatus, readonly TeamStatus[]> = {
  pending: ['open', 'failed'],
  open: ['succeeded', 'failed', 'virtual_ok'],
  succeeded: [],
  failed: [],
  virtual_ok: [],
}

/**
 * held: reserved for a payment in progress. paid: counted in the team. released: the payment
 * window lapsed. refunded: the money goes back (team failed or full, late payment refused).
 * A released seat becomes paid only when its late payment still finds room in an open team.
 */
const SEAT_NEXT: Record<SeatStatus, readonly SeatStatus[]> = {
  held: ['paid', 'released', 'refunded'],
  released: ['paid', 'refunded'],
  paid: ['refunded'],
  refunded: [],
}

export const canTransitionActivity = (from: ActivityStatus, to: ActivityStatus) =>
  ACTIVITY_NEXT[from].includes(to)

const refused = (what: string, from: string, to: string) =>
  new Error(`programming error: ${what} cannot go from ${from} to ${to}`)

export async function transitionActivity(
  db: Db,
  actor: Actor,
  activityId: string,
  from: ActivityStatus,
  to: ActivityStatus,
): Promise<void> {
  if (!canTransitionActivity(from, to))
    throw new AppError(
      'conflict',
      {
        en: `an activity that is ${from} cannot become ${to}`,
        zh: `活动当前为“${from}”，无法变为“${to}”`,
      },
      [{ field: 'status', message: { en: `not from ${from}`, zh: '状态不允许此操作' } }],
    )
  const result = await db
    .updateTable('team_activity')
    .set({ status: to, updated_at: nowIso() })
    .where('id', '=', activityId)
    .where('status', '=', from)
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n)
    throw new AppError('conflict', {
      en: 'the activity changed meanwhile, reload it',
      zh: '活动状态已变化，请刷新',
    })
  await recordAudit(db, actor, {
    action: `team_activity.${to}`,
    entityType: 'team_activity',
    entityId: activityId,
    organizationId: null,
    before: { status: from },
    after: { status: to },
  })
}

/** Moves a team from `from` to `to`; false when another transaction moved it first. */
export async function transitionTeam(
  db: Db,
  actor: Actor,
  teamId: string,
  from: TeamStatus,
  to: TeamStatus,
  details: { set?: UpdateObject<Database, 'team'>; note?: string; whenFull?: boolean } = {},
): Promise<boolean> {
  if (!TEAM_NEXT[from].includes(to)) throw refused('a team', from, to)
  let update = db
    .updateTable('team')
    .set({ ...details.set, status: to })
    .where('id', '=', teamId)
    .where('status', '=', from)
  // Success only with every seat paid, checked in the same statement.
  if (details.whenFull) update = update.whereRef('paid_members', '>=', 'size')
  const result = await update.executeTakeFirst()
  if (result.numUpdatedRows !== 1n) return false
  // The members are free to join another team of the activity once this one is finished.
  if (to !== 'open')
    await db
      .updateTable('team_seat')
      .set({ open_activity_id: null })
      .where('team_id', '=', teamId)
      .execute()
  await recordAudit(db, actor, {
    action: `team.${to}`,
    entityType: 'team',
    entityId: teamId,
    organizationId: null,
    before: { status: from },
    after: { status: to, ...(details.note ? { note: details.note } : {}) },
  })
  return true
}

/** Moves a seat from `from` to `to`; false when another transaction moved it first. */
export async function transitionSeat(
  db: Db,
  actor: Actor,
  seat: { id: string; team_id: string },
  from: SeatStatus,
  to: SeatStatus,
  details: { set?: UpdateObject<Database, 'team_seat'>; note?: string } = {},
): Promise<boolean> {
  if (!SEAT_NEXT[from].includes(to)) throw refused('a seat', from, to)
  const keepsPlace = to === 'paid'
  const result = await db
    .updateTable('team_seat')
    .set({
      ...details.set,
      status: to,
      updated_at: nowIso(),
      ...(keepsPlace ? {} : { open_activity_id: null }),
    })
    .where('id', '=', seat.id)
    .where('status', '=', from)
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n) return false
  await recordAudit(db, actor, {
    action: `team_seat.${to}`,
    entityType: 'team_seat',
    entityId: seat.id,
    organizationId: null,
    before: { status: from },
    after: { status: to, teamId: seat.team_id, ...(details.note ? { note: details.note } : {}) },
  })
  return true
}
