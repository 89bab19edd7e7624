import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { paidPromotionOrders } from '../../commerce/index.js'
import { createShareLink, shareStats } from '../share-links/index.js'
import { activityTermColumns, checkActivityTerms } from './activity-terms.js'
import { transitionActivity } from './bargain-states.js'
import type {
  BargainActivity,
  BargainActivityStatus,
  BargainActivityTable,
  CreateBargainActivityBody,
} from './schema.js'

// Operators' side of 砍价: activities (promotions:manage), their status and their report.

export async function createActivity(
  db: Db,
  actor: Actor,
  body: CreateBargainActivityBody,
): Promise<BargainActivity> {
  await checkActivityTerms(db, body)
  const now = nowIso()
  const row: BargainActivityTable = {
    id: newId(),
    ...activityTermColumns(body),
    stock_taken: 0,
    status: 'active',
    created_by: actor.principal?.userId ?? null,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('bargain_activity').values(row).execute()
  await createShareLink(db, { kind: 'bargain_activity', id: row.id }, row.created_by)
  await recordAudit(db, actor, {
    action: 'bargain_activity.created',
    entityType: 'bargain_activity',
    entityId: row.id,
    organizationId: null,
    after: toActivity(row),
  })
  return toActivity(row)
}

export async function findActivity(db: Db, id: string): Promise<BargainActivityTable> {
  const row = await db
    .selectFrom('bargain_activity')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound({ en: 'bargain activity', zh: '砍价活动' }, id)
  return row
}

export async function listActivities(
  db: Db,
  status?: BargainActivityStatus,
): Promise<BargainActivity[]> {
  let query = db.selectFrom('bargain_activity').selectAll().orderBy('created_at', 'desc')
  if (status) query = query.where('status', '=', status)
  return (await query.limit(200).execute()).map(toActivity)
}

export async function setActivityStatus(
  db: Db,
  actor: Actor,
  id: string,
  status: BargainActivityStatus,
): Promise<BargainActivity> {
  const activity = await findActivity(db, id)
  await transitionActivity(db, actor, id, activity.status, status)
  return toActivity(await findActivity(db, id))
}

export async function activityReport(db: Db, id: string) {
  const activity = await findActivity(db, id)
  const byStatus = await db
    .selectFrom('bargain')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('activity_id', '=', id)
    .groupBy('status')
    .execute()
  const helps = await db
    .selectFrom('bargain_help')
    .innerJoin('bargain', 'bargain.id', 'bargain_help.bargain_id')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('helps'),
      eb.fn.count<number | string>('bargain_help.helper_user_id').distinct().as('helpers'),
    ])
    .where('bargain.activity_id', '=', id)
    .executeTakeFirstOrThrow()
  const bargains = await db
    .selectFrom('bargain')
    .select('id')
    .where('activity_id', '=', id)
    .execute()
  const paid = await paidPromotionOrders(
    db,
    'bargain',
    bargains.map((bargain) => bargain.id),
  )
  return {
    activityId: id,
    bargains: Object.fromEntries(byStatus.map((row) => [row.status, Number(row.n)])),
    helps: Number(helps.helps),
    helpers: Number(helps.helpers),
    ordersPaid: paid.orders,
    paidFen: paid.totalFen,
    stock: activity.stock,
    stockTaken: activity.stock_taken,
    share: await shareStats(db, 'bargain_activity', id),
  }
}

export const toActivity = (row: BargainActivityTable): BargainActivity => ({
  id: row.id,
  skuId: row.sku_id,
  title: row.title,
  originalPriceFen: row.original_price_fen,
  floorPriceFen: row.floor_price_fen,
  helpersNeeded: row.helpers_needed,
  durationS: row.duration_s,
  stock: row.stock,
  stockTaken: row.stock_taken,
  perUserLaunchLimit: row.per_user_launch_limit,
  helperDailyQuota: row.helper_daily_quota,
  buyBeforeFloor: row.buy_before_floor === 1,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  status: row.status,
  createdAt: row.created_at,
})
