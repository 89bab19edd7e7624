import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict } from '../../../shared/errors.js'
import type {
  FlashHoldRow,
  FlashHoldStatus,
  FlashHoldTable,
  FlashSessionRow,
  FlashSessionStatus,
} from './schema.js'

// The two state machines of a flash sale. Every transition is a compare-and-set on the current
// status and writes an audit entry in the same transaction.
//
//   session: draft → scheduled ⇄ paused;  scheduled | paused → ended
//   hold:    held → ordered → paid;  held | ordered → released (expired, order cancelled)
//            released → paid (late payment re-admitted) | refunded (late payment, sold out)

const SESSION_NEXT: Record<FlashSessionStatus, readonly FlashSessionStatus[]> = {
  draft: ['scheduled'],
  scheduled: ['paused', 'ended'],
  paused: ['scheduled', 'ended'],
  ended: [],
}

const HOLD_NEXT: Record<FlashHoldStatus, readonly FlashHoldStatus[]> = {
  held: ['ordered', 'released'],
  ordered: ['paid', 'released'],
  released: ['paid', 'refunded'],
  paid: [],
  refunded: [],
}

export const canMoveSession = (from: FlashSessionStatus, to: FlashSessionStatus) =>
  SESSION_NEXT[from].includes(to)

const SESSION_ZH: Record<FlashSessionStatus, string> = {
  draft: '草稿',
  scheduled: '已排期',
  paused: '已暂停',
  ended: '已结束',
}

/** Moves a session; a conflict when it is not in a state that allows it (or someone moved it first). */
export async function transitionSession(
  db: Db,
  actor: Actor,
  session: FlashSessionRow,
  to: FlashSessionStatus,
  set: { stock_in_redis?: number; reconciled_at?: string } = {},
): Promise<FlashSessionRow> {
  const refused = conflict(
    {
      en: `the flash sale is ${session.status} and cannot become ${to}`,
      zh: `秒杀场次${SESSION_ZH[session.status]}，不能改为${SESSION_ZH[to]}`,
    },
    'status',
  )
  if (!canMoveSession(session.status, to)) throw refused
  const moved = await db
    .updateTable('flash_session')
    .set({ status: to, updated_at: nowIso(), ...set })
    .where('id', '=', session.id)
    .where('status', '=', session.status)
    .returningAll()
    .executeTakeFirst()
  if (!moved) throw refused
  await recordAudit(db, actor, {
    action: `flash_session.${to}`,
    entityType: 'flash_session',
    entityId: session.id,
    organizationId: null,
    before: { status: session.status },
    after: { status: to, ...set },
  })
  return moved
}

/** Moves a hold from `from` to `to`; false (nothing written) when it was not in `from` any more. */
export async function transitionHold(
  db: Db,
  actor: Actor,
  hold: Pick<FlashHoldRow, 'id'>,
  from: FlashHoldStatus,
  to: FlashHoldStatus,
  set: Partial<Pick<FlashHoldTable, 'order_id'>> = {},
  note?: string,
): Promise<boolean> {
  if (!HOLD_NEXT[from].includes(to)) throw new Error(`flash hold cannot go ${from} → ${to}`)
  const moved = await db
    .updateTable('flash_hold')
    .set({ status: to, updated_at: nowIso(), ...set })
    .where('id', '=', hold.id)
    .where('status', '=', from)
    .executeTakeFirst()
  if (moved.numUpdatedRows !== 1n) return false
  await recordAudit(db, actor, {
    action: `flash_hold.${to}`,
    entityType: 'flash_hold',
    entityId: hold.id,
    organizationId: null,
    before: { status: from },
    after: { status: to, ...set, ...(note ? { note } : {}) },
  })
  return true
}
