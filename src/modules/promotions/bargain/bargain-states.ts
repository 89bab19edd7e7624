import type { UpdateObject } from 'kysely'
import type { Database, Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError } from '../../../shared/errors.js'
import type { BargainActivityStatus, BargainStatus } from './schema.js'

// The two state machines of 砍价. Every transition is listed here, applied as a compare-and-set
// on the current status (of two racing transitions one wins, the other learns so), and audited
// in the same transaction.

const ACTIVITY_NEXT: Record<BargainActivityStatus, readonly BargainActivityStatus[]> = {
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
}

/**
 * open: friends cut the price. floor_reached: the N-th cut landed, the price is the floor.
 * bought: the order at the current price was paid. expired: the duration passed unbought.
 * An unpaid order in progress is `order_id` (helps stop meanwhile), not a state of its own:
 * when its window lapses the bargain is where it was.
 */
const BARGAIN_NEXT: Record<BargainStatus, readonly BargainStatus[]> = {
  open: ['floor_reached', 'bought', 'expired'],
  floor_reached: ['bought', 'expired'],
  bought: [],
  expired: [],
}

export async function transitionActivity(
  db: Db,
  actor: Actor,
  activityId: string,
  from: BargainActivityStatus,
  to: BargainActivityStatus,
): Promise<void> {
  if (!ACTIVITY_NEXT[from].includes(to))
    throw new AppError(
      'conflict',
      {
        en: `an activity that is ${from} cannot become ${to}`,
        zh: `活动当前为“${from}”，无法变为“${to}”`,
      },
      [{ field: 'status', message: { en: `not from ${from}`, zh: '状态不允许此操作' } }],
    )
  const result = await db
    .updateTable('bargain_activity')
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
    action: `bargain_activity.${to}`,
    entityType: 'bargain_activity',
    entityId: activityId,
    organizationId: null,
    before: { status: from },
    after: { status: to },
  })
}

/** Moves a bargain from `from` to `to`; false when another transaction moved it first. */
export async function transitionBargain(
  db: Db,
  actor: Actor,
  bargainId: string,
  from: BargainStatus,
  to: BargainStatus,
  details: {
    set?: UpdateObject<Database, 'bargain'>
    /** Only while this order (or, with null, no order) is the bargain's order in progress. */
    orderId?: string | null
    note?: string
    after?: object
  } = {},
): Promise<boolean> {
  if (!BARGAIN_NEXT[from].includes(to))
    throw new Error(`programming error: a bargain cannot go from ${from} to ${to}`)
  let update = db
    .updateTable('bargain')
    .set({ ...details.set, status: to, updated_at: nowIso() })
    .where('id', '=', bargainId)
    .where('status', '=', from)
  if (details.orderId !== undefined)
    update =
      details.orderId === null
        ? update.where('order_id', 'is', null)
        : update.where('order_id', '=', details.orderId)
  const result = await update.executeTakeFirst()
  if (result.numUpdatedRows !== 1n) return false
  await recordAudit(db, actor, {
    action: `bargain.${to}`,
    entityType: 'bargain',
    entityId: bargainId,
    organizationId: null,
    before: { status: from },
    after: { status: to, ...details.after, ...(details.note ? { note: details.note } : {}) },
  })
  return true
}
