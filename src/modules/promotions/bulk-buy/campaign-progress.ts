import type { Db } from '../../../db/database.js'
import { nowIso } from '../../../shared/clock.js'
import { skuLabel } from '../skus/index.js'
import { findCampaign, ladderOf } from './campaigns.js'
import { nextTier, progressText, tierFor } from './ladder.js'
import type { BulkCampaignTable, CampaignProgress, CampaignViewer } from './schema.js'

/** Live progress of a campaign (public): exact units and prices, never a rounded percentage. */
export async function campaignProgress(
  db: Db,
  campaignId: string,
  viewerId: string | null,
  now: string = nowIso(),
): Promise<CampaignProgress> {
  const campaign = await findCampaign(db, campaignId)
  const ladder = ladderOf(campaign)
  const paid = campaign.paid_quantity
  const next = nextTier(ladder, paid, campaign.cap)
  const left = unitsLeft(campaign)
  return {
    id: campaign.id,
    title: campaign.title,
    ...(await skuLabel(db, campaign.sku_id)),
    status: campaign.status,
    ladder,
    paidQuantity: paid,
    currentPriceFen: campaign.final_price_fen ?? tierFor(ladder, paid).priceFen,
    nextTier: next ?? null,
    unitsToNextTier: next ? next.minQuantity - paid : null,
    minQuantity: campaign.min_quantity,
    unitsToMinimum: Math.max(0, campaign.min_quantity - paid),
    left,
    perUserMax: campaign.per_user_max,
    capQuantity: campaign.cap,
    text: progressText(ladder, paid, campaign.cap),
    endsAt: campaign.ends_at,
    pickupLocationId: campaign.pickup_location_id,
    pickupDate: campaign.pickup_date,
    serverTime: now,
    viewer: viewerId === null ? null : await viewerOf(db, campaign, viewerId, now),
  }
}

export const unitsLeft = (campaign: BulkCampaignTable) =>
  Math.max(0, campaign.cap - campaign.paid_quantity - campaign.reserved_quantity)

const isJoinable = (campaign: BulkCampaignTable, now: string) =>
  campaign.status === 'open' && campaign.starts_at <= now && now < campaign.ends_at

/**
 * What the viewer has paid for, and how many more they may order now: their per-user room
 * (bulk_buyer counts units paid and units waiting for payment), bounded by the units left.
 */
async function viewerOf(
  db: Db,
  campaign: BulkCampaignTable,
  viewerId: string,
  now: string,
): Promise<CampaignViewer> {
  const [paid, buyer] = await Promise.all([
    db
      .selectFrom('bulk_order')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('quantity'), eb.lit(0)).as('units'))
      .where('campaign_id', '=', campaign.id)
      .where('user_id', '=', viewerId)
      .where('status', 'in', ['paid', 'settled'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('bulk_buyer')
      .select('quantity')
      .where('campaign_id', '=', campaign.id)
      .where('user_id', '=', viewerId)
      .executeTakeFirst(),
  ])
  const room = campaign.per_user_max - (buyer?.quantity ?? 0)
  return {
    paidQuantity: Number(paid.units),
    canBuyQuantity: isJoinable(campaign, now)
      ? Math.max(0, Math.min(room, unitsLeft(campaign)))
      : 0,
  }
}
