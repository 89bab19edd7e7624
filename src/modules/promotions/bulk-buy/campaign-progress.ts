import type { Db } from '../../../db/database.js'
import { nowIso } from '../../../shared/clock.js'
import { findCampaign, ladderOf } from './campaigns.js'
import { nextTier, progressText, tierFor } from './ladder.js'
import type { CampaignProgress } from './schema.js'

/** Live progress of a campaign (public): exact units and prices, never a rounded percentage. */
export async function campaignProgress(
  db: Db,
  campaignId: string,
  now: string = nowIso(),
): Promise<CampaignProgress> {
  const campaign = await findCampaign(db, campaignId)
  const ladder = ladderOf(campaign)
  const paid = campaign.paid_quantity
  const next = nextTier(ladder, paid, campaign.cap)
  return {
    id: campaign.id,
    title: campaign.title,
    status: campaign.status,
    ladder,
    paidQuantity: paid,
    currentPriceFen: campaign.final_price_fen ?? tierFor(ladder, paid).priceFen,
    nextTier: next ?? null,
    unitsToNextTier: next ? next.minQuantity - paid : null,
    minQuantity: campaign.min_quantity,
    unitsToMinimum: Math.max(0, campaign.min_quantity - paid),
    left: Math.max(0, campaign.cap - paid - campaign.reserved_quantity),
    text: progressText(ladder, paid, campaign.cap),
    endsAt: campaign.ends_at,
    pickupLocationId: campaign.pickup_location_id,
    pickupDate: campaign.pickup_date,
    serverTime: now,
  }
}
