import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import type {
  Activity,
  ActivityReport,
  ActivityStatus,
  CreateActivityBody,
  TeamActivityTable,
  UpdateActivityBody,
} from './schema.js'
import { TEAM_STATUSES } from './schema.js'
import { skuLabels } from '../../commerce/index.js'
import { createShareLink, shareStats } from '../share-links/index.js'
import { transitionActivity } from './team-states.js'
import { activitiesOf } from './team-views.js'

// The operator's side of 拼团 (promotions:manage): activities, their status and their report.

export async function createActivity(
  db: Db,
  actor: Actor,
  body: CreateActivityBody,
): Promise<Activity> {
  const sku = (await skuLabels(db, [body.skuId])).get(body.skuId)
  if (!sku) throw invalidField('skuId', { en: 'no such SKU', zh: '商品规格不存在' })
  const fields = {
    teamPriceFen: body.teamPriceFen,
    teamSize: body.teamSize,
    startsAt: body.startsAt,
    endsAt: body.endsAt,
    perOrderLimit: body.perOrderLimit,
    perUserLimit: body.perUserLimit,
    virtualFillMin: body.virtualFillMin ?? null,
  }
  checkActivity(fields, sku.priceFen)
  const now = nowIso()
  const id = newId()
  await db
    .insertInto('team_activity')
    .values({
      id,
      sku_id: sku.skuId,
      title: body.title,
      team_price_fen: body.teamPriceFen,
      team_size: body.teamSize,
      ttl_s: body.ttlS ?? 86400,
      starts_at: new Date(body.startsAt).toISOString(),
      ends_at: new Date(body.endsAt).toISOString(),
      stock: body.stock,
      stock_taken: 0,
      per_order_limit: body.perOrderLimit,
      per_user_limit: body.perUserLimit,
      new_user_leader_only: body.newUserLeaderOnly ? 1 : 0,
      virtual_fill_min: body.virtualFillMin ?? null,
      status: 'draft',
      created_by: actor.principal?.userId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await createShareLink(db, { kind: 'team_buy', id }, actor.principal?.userId ?? null)
  await recordAudit(db, actor, {
    action: 'team_activity.created',
    entityType: 'team_activity',
    entityId: id,
    organizationId: null,
    after: { ...body },
  })
  return getActivity(db, id)
}

/** Changes an activity's terms; only while it is a draft or paused (buyers see fixed terms). */
export async function updateActivity(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateActivityBody,
): Promise<Activity> {
  const row = await activityRow(db, id)
  if (row.status !== 'draft' && row.status !== 'paused')
    throw new AppError(
      'conflict',
      { en: 'pause the activity before changing it', zh: '请先暂停活动再修改' },
      [{ field: 'status', message: { en: row.status, zh: '活动进行中或已结束' } }],
    )
  const sku = (await skuLabels(db, [row.sku_id])).get(row.sku_id)
  if (!sku) throw notFound({ en: 'SKU', zh: '商品规格' }, row.sku_id)
  checkActivity(
    {
      teamPriceFen: body.teamPriceFen ?? row.team_price_fen,
      teamSize: body.teamSize ?? row.team_size,
      startsAt: body.startsAt ?? row.starts_at,
      endsAt: body.endsAt ?? row.ends_at,
      perOrderLimit: body.perOrderLimit ?? row.per_order_limit,
      perUserLimit: body.perUserLimit ?? row.per_user_limit,
      virtualFillMin:
        body.virtualFillMin === undefined ? row.virtual_fill_min : body.virtualFillMin,
    },
    sku.priceFen,
  )
  if (body.stock !== undefined && body.stock < row.stock_taken)
    throw invalidField('stock', {
      en: `${row.stock_taken} units are already taken`,
      zh: `已有 ${row.stock_taken} 件被占用`,
    })
  await db
    .updateTable('team_activity')
    .set({
      ...(body.title === undefined ? {} : { title: body.title }),
      ...(body.teamPriceFen === undefined ? {} : { team_price_fen: body.teamPriceFen }),
      ...(body.teamSize === undefined ? {} : { team_size: body.teamSize }),
      ...(body.ttlS === undefined ? {} : { ttl_s: body.ttlS }),
      ...(body.startsAt === undefined ? {} : { starts_at: new Date(body.startsAt).toISOString() }),
      ...(body.endsAt === undefined ? {} : { ends_at: new Date(body.endsAt).toISOString() }),
      ...(body.stock === undefined ? {} : { stock: body.stock }),
      ...(body.perOrderLimit === undefined ? {} : { per_order_limit: body.perOrderLimit }),
      ...(body.perUserLimit === undefined ? {} : { per_user_limit: body.perUserLimit }),
      ...(body.newUserLeaderOnly === undefined
        ? {}
        : { new_user_leader_only: body.newUserLeaderOnly ? 1 : 0 }),
      ...(body.virtualFillMin === undefined ? {} : { virtual_fill_min: body.virtualFillMin }),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .where('status', '=', row.status)
    .execute()
  await recordAudit(db, actor, {
    action: 'team_activity.updated',
    entityType: 'team_activity',
    entityId: id,
    organizationId: null,
    before: row,
    after: { ...body },
  })
  return getActivity(db, id)
}

export async function setActivityStatus(
  db: Db,
  actor: Actor,
  id: string,
  to: ActivityStatus,
): Promise<Activity> {
  const row = await activityRow(db, id)
  await transitionActivity(db, actor, id, row.status, to)
  return getActivity(db, id)
}

export async function getActivity(db: Db, id: string): Promise<Activity> {
  const [activity] = await activitiesOf(db, { ids: [id] })
  if (!activity) throw notFound({ en: 'team-buy activity', zh: '拼团活动' }, id)
  return activity
}

/** Teams by status; seats the platform filled are counted apart from real buyers. */
export async function activityReport(db: Db, id: string): Promise<ActivityReport> {
  await activityRow(db, id)
  const teams = await db
    .selectFrom('team')
    .select((eb) => [
      'status',
      eb.fn.countAll<number | string>().as('teams'),
      eb.fn.sum<number | string>('virtual_members').as('virtual'),
      eb.fn.sum<number | string>('paid_members').as('paid'),
    ])
    .where('activity_id', '=', id)
    .groupBy('status')
    .execute()
  const seats = await db
    .selectFrom('team_seat')
    .select((eb) => [
      'status',
      eb.fn.countAll<number | string>().as('seats'),
      eb.fn.sum<number | string>('quantity').as('units'),
    ])
    .where('activity_id', '=', id)
    .groupBy('status')
    .execute()
  const byStatus = Object.fromEntries(TEAM_STATUSES.map((status) => [status, 0]))
  for (const row of teams) byStatus[row.status] = Number(row.teams)
  const seat = (status: string) => seats.find((row) => row.status === status)
  return {
    activityId: id,
    teams: byStatus,
    paidMembers: teams.reduce((sum, row) => sum + Number(row.paid), 0),
    virtualMembers: teams.reduce((sum, row) => sum + Number(row.virtual), 0),
    virtualTeams: byStatus.virtual_ok ?? 0,
    refundedSeats: Number(seat('refunded')?.seats ?? 0),
    unitsSold: Number(seat('paid')?.units ?? 0),
    share: await shareStats(db, 'team_buy', id),
  }
}

async function activityRow(db: Db, id: string): Promise<TeamActivityTable> {
  const row = await db
    .selectFrom('team_activity')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound({ en: 'team-buy activity', zh: '拼团活动' }, id)
  return row
}

function checkActivity(
  fields: {
    teamPriceFen: number
    teamSize: number
    startsAt: string
    endsAt: string
    perOrderLimit: number
    perUserLimit: number
    virtualFillMin: number | null
  },
  soloPriceFen: number,
): void {
  if (fields.teamPriceFen >= soloPriceFen)
    throw invalidField('teamPriceFen', {
      en: `below the normal price (${soloPriceFen} fen)`,
      zh: `拼团价须低于单买价（${soloPriceFen} 分）`,
    })
  if (Date.parse(fields.endsAt) <= Date.parse(fields.startsAt))
    throw invalidField('endsAt', { en: 'after the start', zh: '结束时间须晚于开始时间' })
  if (fields.perOrderLimit > fields.perUserLimit)
    throw invalidField('perOrderLimit', {
      en: 'at most the per-customer limit',
      zh: '每单限购不能超过每人限购',
    })
  if (fields.virtualFillMin !== null && fields.virtualFillMin >= fields.teamSize)
    throw invalidField('virtualFillMin', {
      en: 'fewer than the team size',
      zh: '虚拟成团的最少真实人数须小于成团人数',
    })
}
