import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { addSeconds, nowIso, shanghaiDate } from '../../../shared/clock.js'
import { conflict, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { createShareLink } from '../share-links/index.js'
import { findActivity } from './activities.js'
import { transitionBargain } from './bargain-states.js'
import { newCutSeed, planCuts, priceAfter } from './plan-cuts.js'
import type { BargainActivityTable, BargainTable } from './schema.js'

// Launching a bargain and helping one. The N cuts are planned at launch from a recorded seed; a
// help takes the next cut by incrementing `helps_done` with a conditional update (the row lock
// orders racing helps on PostgreSQL, SQLite runs one writer at a time), so concurrent helps
// never lose an update and each cut is used once (also unique per bargain in the table).

export async function launchBargain(
  db: Db,
  actor: Actor,
  userId: string,
  activityId: string,
  /** The share link the launcher came through (the activity's, a friend's): kept for the order. */
  shareCode: string | null,
  now: string = nowIso(),
): Promise<BargainTable> {
  const activity = await runningActivity(db, activityId, now)
  if (activity.stock_taken >= activity.stock)
    throw conflict({ en: 'sold out', zh: '砍价商品已抢光' }, 'activityId')
  const launched = await db
    .selectFrom('bargain')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('activity_id', '=', activityId)
    .where('launcher_user_id', '=', userId)
    .executeTakeFirstOrThrow()
  const launchNo = Number(launched.n) + 1
  if (launchNo > activity.per_user_launch_limit)
    throw conflict(
      {
        en: `at most ${activity.per_user_launch_limit} bargains per customer in this activity`,
        zh: `本活动每人最多发起 ${activity.per_user_launch_limit} 次砍价`,
      },
      'activityId',
    )
  const seed = newCutSeed()
  const cuts = planCuts(
    activity.original_price_fen - activity.floor_price_fen,
    activity.helpers_needed,
    seed,
  )
  const byDuration = addSeconds(now, activity.duration_s)
  const row: BargainTable = {
    id: newId(),
    activity_id: activityId,
    launcher_user_id: userId,
    // Unique with the activity and launcher: of two racing launches past the limit one fails.
    launch_no: launchNo,
    seed,
    cuts_json: JSON.stringify(cuts),
    original_price_fen: activity.original_price_fen,
    floor_price_fen: activity.floor_price_fen,
    helpers_needed: activity.helpers_needed,
    helps_done: 0,
    current_price_fen: activity.original_price_fen,
    status: 'open',
    order_id: null,
    share_code: shareCode,
    expires_at: byDuration < activity.ends_at ? byDuration : activity.ends_at,
    finished_at: null,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('bargain').values(row).execute()
  // The launcher sends this one to friends, who help through it.
  await createShareLink(db, { kind: 'bargain', id: row.id }, userId)
  await recordAudit(db, actor, {
    action: 'bargain.launched',
    entityType: 'bargain',
    entityId: row.id,
    organizationId: null,
    after: { activityId, seed, cuts, expiresAt: row.expires_at },
  })
  return row
}

export interface Help {
  cutIndex: number
  cutFen: number
}

export async function helpBargain(
  db: Db,
  actor: Actor,
  helperId: string,
  bargainId: string,
  now: string = nowIso(),
): Promise<Help> {
  const bargain = await findBargain(db, bargainId)
  if (bargain.launcher_user_id === helperId)
    throw conflict(
      { en: 'you cannot help your own bargain', zh: '不能给自己砍价，请邀请好友帮砍' },
      'bargainId',
    )
  if (bargain.status !== 'open' || bargain.order_id !== null || bargain.expires_at <= now)
    throw closed()
  const activity = await runningActivity(db, bargain.activity_id, now)
  const already = await db
    .selectFrom('bargain_help')
    .select('id')
    .where('bargain_id', '=', bargainId)
    .where('helper_user_id', '=', helperId)
    .executeTakeFirst()
  if (already) throw helpedBefore()
  await countHelperDay(db, activity, helperId, now)

  const taken = await db
    .updateTable('bargain')
    .set((eb) => ({ helps_done: eb('helps_done', '+', 1), updated_at: now }))
    .where('id', '=', bargainId)
    .where('status', '=', 'open')
    .where('order_id', 'is', null)
    .where('expires_at', '>', now)
    .whereRef('helps_done', '<', 'helpers_needed')
    .returning('helps_done')
    .executeTakeFirst()
  if (!taken) throw closed()
  const cuts = JSON.parse(bargain.cuts_json) as number[]
  const cutIndex = taken.helps_done - 1
  const cutFen = cuts[cutIndex] ?? 0
  const priceFen = priceAfter(bargain.original_price_fen, cuts, taken.helps_done)
  await db
    .updateTable('bargain')
    .set({ current_price_fen: priceFen })
    .where('id', '=', bargainId)
    .execute()
  // Unique per bargain and helper: a double help racing this one rolls back with a 409.
  await db
    .insertInto('bargain_help')
    .values({
      id: newId(),
      bargain_id: bargainId,
      helper_user_id: helperId,
      cut_index: cutIndex,
      cut_fen: cutFen,
      created_at: now,
    })
    .execute()
  await recordAudit(db, actor, {
    action: 'bargain.helped',
    entityType: 'bargain',
    entityId: bargainId,
    organizationId: null,
    after: { helperUserId: helperId, cutIndex, cutFen, priceFen },
  })
  if (taken.helps_done === bargain.helpers_needed)
    await transitionBargain(db, actor, bargainId, 'open', 'floor_reached', {
      after: { priceFen },
    })
  return { cutIndex, cutFen }
}

/** One more help today (a Shanghai day) within the activity's quota, or a 409. */
async function countHelperDay(
  db: Db,
  activity: BargainActivityTable,
  helperId: string,
  now: string,
): Promise<void> {
  const key = { activity_id: activity.id, helper_user_id: helperId, day: shanghaiDate(now) }
  await db
    .insertInto('bargain_helper_day')
    .values({ ...key, helps: 0 })
    .onConflict((oc) => oc.columns(['activity_id', 'helper_user_id', 'day']).doNothing())
    .execute()
  const counted = await db
    .updateTable('bargain_helper_day')
    .set((eb) => ({ helps: eb('helps', '+', 1) }))
    .where('activity_id', '=', key.activity_id)
    .where('helper_user_id', '=', key.helper_user_id)
    .where('day', '=', key.day)
    .where('helps', '<', activity.helper_daily_quota)
    .executeTakeFirst()
  if (counted.numUpdatedRows !== 1n)
    throw conflict(
      {
        en: `you have helped ${activity.helper_daily_quota} times in this activity today`,
        zh: `您今天在本活动已帮砍 ${activity.helper_daily_quota} 次，明天再来`,
      },
      'bargainId',
    )
}

export async function findBargain(db: Db, id: string): Promise<BargainTable> {
  const row = await db.selectFrom('bargain').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound({ en: 'bargain', zh: '砍价' }, id)
  return row
}

async function runningActivity(db: Db, id: string, now: string): Promise<BargainActivityTable> {
  const activity = await findActivity(db, id)
  if (activity.status !== 'active' || now < activity.starts_at || now >= activity.ends_at)
    throw conflict(
      { en: 'the activity is not running now', zh: '砍价活动未开始、已暂停或已结束' },
      'activityId',
    )
  return activity
}

const closed = () =>
  conflict(
    {
      en: 'this bargain takes no more help (floor reached, ordered or expired)',
      zh: '该砍价已砍到底价、已下单或已结束',
    },
    'bargainId',
  )

const helpedBefore = () =>
  conflict({ en: 'you have already helped this bargain', zh: '您已帮TA砍过了' }, 'bargainId')
