import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { campaignTermColumns, checkCampaignTerms } from './campaign-terms.js'
import type { Tier } from './ladder.js'
import type { BulkCampaignTable, Campaign, CampaignStatus, CreateCampaignBody } from './schema.js'
import { createShareLink, shareStats } from '../share-links/index.js'

// Operators' side of 团购: campaigns (promotions:manage), their status and their report.

/**
 * draft → open ⇄ paused; open / paused → settled (minimum reached: every buyer pays the final
 * tier, the difference refunded) or failed (below the minimum: refunded in full). The close is
 * settle-campaigns.ts; here only the operator's moves.
 */
const OPERATOR_NEXT: Partial<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  draft: ['open'],
  open: ['paused'],
  paused: ['open'],
}

export async function createCampaign(
  db: Db,
  actor: Actor,
  body: CreateCampaignBody,
): Promise<Campaign> {
  await checkCampaignTerms(db, body)
  const now = nowIso()
  const row: BulkCampaignTable = {
    id: newId(),
    ...campaignTermColumns(body),
    status: body.open === false ? 'draft' : 'open',
    paid_quantity: 0,
    reserved_quantity: 0,
    final_price_fen: null,
    settled_at: null,
    created_by: actor.principal?.userId ?? null,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('bulk_campaign').values(row).execute()
  await createShareLink(db, { kind: 'bulk_buy', id: row.id }, row.created_by)
  await recordAudit(db, actor, {
    action: 'bulk_campaign.created',
    entityType: 'bulk_campaign',
    entityId: row.id,
    organizationId: null,
    after: toCampaign(row),
  })
  return toCampaign(row)
}

export async function findCampaign(db: Db, id: string): Promise<BulkCampaignTable> {
  const row = await db
    .selectFrom('bulk_campaign')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound({ en: 'bulk-buy campaign', zh: '团购活动' }, id)
  return row
}

export async function listCampaigns(db: Db, status?: CampaignStatus): Promise<Campaign[]> {
  let query = db.selectFrom('bulk_campaign').selectAll().orderBy('created_at', 'desc')
  if (status) query = query.where('status', '=', status)
  return (await query.limit(200).execute()).map(toCampaign)
}

export async function setCampaignStatus(
  db: Db,
  actor: Actor,
  id: string,
  to: 'open' | 'paused',
): Promise<Campaign> {
  const campaign = await findCampaign(db, id)
  const from = campaign.status
  const refused = new AppError(
    'conflict',
    {
      en: `a campaign that is ${from} cannot become ${to}`,
      zh: `团购当前为“${from}”，无法变为“${to}”`,
    },
    [{ field: 'status', message: { en: `not from ${from}`, zh: '状态不允许此操作' } }],
  )
  if (!(OPERATOR_NEXT[from] ?? []).includes(to)) throw refused
  const moved = await db
    .updateTable('bulk_campaign')
    .set({ status: to, updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  if (moved.numUpdatedRows !== 1n) throw refused
  await recordAudit(db, actor, {
    action: `bulk_campaign.${to}`,
    entityType: 'bulk_campaign',
    entityId: id,
    organizationId: null,
    before: { status: from },
    after: { status: to },
  })
  return toCampaign(await findCampaign(db, id))
}

/**
 * Ends a running campaign now (提前结束: the goods ran short, the operator calls it a day): its
 * end moves to now, no order is taken any more, and the next round settles it from what was paid,
 * exactly as at its planned end. Orders still inside their payment window may land meanwhile.
 */
export async function closeCampaignNow(
  db: Db,
  actor: Actor,
  id: string,
  now: string = nowIso(),
): Promise<Campaign> {
  const campaign = await findCampaign(db, id)
  const closed = await db
    .updateTable('bulk_campaign')
    .set({ ends_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['open', 'paused'])
    .where('ends_at', '>', now)
    .executeTakeFirst()
  if (closed.numUpdatedRows !== 1n)
    throw new AppError(
      'conflict',
      {
        en: 'only a campaign that is open or paused and has not ended can be ended early',
        zh: '只有进行中或已暂停、尚未结束的团购可以提前结束',
      },
      [{ field: 'status', message: { en: `not from ${campaign.status}`, zh: '状态不允许此操作' } }],
    )
  await recordAudit(db, actor, {
    action: 'bulk_campaign.ended_early',
    entityType: 'bulk_campaign',
    entityId: id,
    organizationId: null,
    before: { endsAt: campaign.ends_at },
    after: { endsAt: now, paidQuantity: campaign.paid_quantity },
  })
  return toCampaign(await findCampaign(db, id))
}

export async function campaignReport(db: Db, id: string) {
  const campaign = await findCampaign(db, id)
  const rows = await db
    .selectFrom('bulk_order')
    .select((eb) => [
      'status',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>(eb('unit_paid_fen', '*', eb.ref('quantity'))).as('fen'),
      eb.fn.sum<number | string>('refunded_fen').as('refunded'),
    ])
    .where('campaign_id', '=', id)
    .groupBy('status')
    .execute()
  const counted = rows.filter((row) => ['paid', 'settled', 'refunded'].includes(row.status))
  const buyers = await db
    .selectFrom('bulk_order')
    .select((eb) => eb.fn.count<number | string>('user_id').distinct().as('n'))
    .where('campaign_id', '=', id)
    .where('status', 'in', ['paid', 'settled', 'refunded'])
    .executeTakeFirstOrThrow()
  return {
    campaignId: id,
    status: campaign.status,
    paidQuantity: campaign.paid_quantity,
    finalPriceFen: campaign.final_price_fen,
    buyers: Number(buyers.n),
    orders: Object.fromEntries(rows.map((row) => [row.status, Number(row.n)])),
    paidFen: counted.reduce((sum, row) => sum + Number(row.fen), 0),
    refundedFen: counted.reduce((sum, row) => sum + Number(row.refunded), 0),
    share: await shareStats(db, 'bulk_buy', id),
  }
}

export const ladderOf = (campaign: Pick<BulkCampaignTable, 'ladder_json'>): Tier[] =>
  JSON.parse(campaign.ladder_json) as Tier[]

export const toCampaign = (row: BulkCampaignTable): Campaign => ({
  id: row.id,
  skuId: row.sku_id,
  title: row.title,
  ladder: ladderOf(row),
  minQuantity: row.min_quantity,
  cap: row.cap,
  perUserMax: row.per_user_max,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  pickupLocationId: row.pickup_location_id,
  pickupDate: row.pickup_date,
  status: row.status,
  paidQuantity: row.paid_quantity,
  reservedQuantity: row.reserved_quantity,
  finalPriceFen: row.final_price_fen,
  settledAt: row.settled_at,
  createdAt: row.created_at,
})
