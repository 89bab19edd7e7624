import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { transitionBulkOrder } from './bulk-orders.js'
import { ladderOf } from './campaigns.js'
import { formatYuan } from '../../../shared/money.js'
import { tierFor, tierRefundFen } from './ladder.js'
import type { BulkCampaignTable } from './schema.js'
import {
  ordersById,
  type PromotionHookRegistry,
  refundableFen,
  REFUNDABLE_STATUSES,
  startRefund,
} from '../../commerce/index.js'

// The close of a campaign: the final tier comes from the paid quantity. At or above the
// minimum the campaign is `settled` and each buyer is refunded what they paid above the final
// price (no refund row when nothing is owed); below it the campaign `failed` and everyone is
// refunded in full. The campaign's move is a compare-and-set (on its status and its paid and
// reserved quantities) and every refund starts in its transaction, so rounds running twice or
// on several nodes at once refund each payer exactly once.

/** How long after the close unpaid orders may still land before the campaign settles anyway. */
export const SETTLE_GRACE_S = 15 * 60

export interface SettleResult {
  settled: number
  failed: number
  refundsStarted: number
}

export async function settleBulkCampaigns(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  now: string = nowIso(),
): Promise<SettleResult> {
  const due = await db
    .selectFrom('bulk_campaign')
    .select('id')
    .where('status', 'in', ['open', 'paused'])
    .where('ends_at', '<=', now)
    .orderBy('ends_at')
    .limit(50)
    .execute()
  const result: SettleResult = { settled: 0, failed: 0, refundsStarted: 0 }
  for (const { id } of due) {
    const outcome = await db
      .transaction()
      .execute((trx) => settleCampaign(trx, hooks, actor, id, now))
    if (!outcome) continue
    result[outcome.status] += 1
    result.refundsStarted += outcome.refunds
  }
  return result
}

async function settleCampaign(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  campaignId: string,
  now: string,
): Promise<{ status: 'settled' | 'failed'; refunds: number } | null> {
  const campaign = await db
    .selectFrom('bulk_campaign')
    .selectAll()
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow()
  if (campaign.status !== 'open' && campaign.status !== 'paused') return null
  // Orders placed just before the close may still be paid: wait for them, within the grace.
  if (campaign.reserved_quantity > 0 && addSeconds(campaign.ends_at, SETTLE_GRACE_S) > now)
    return null
  const succeeded = campaign.paid_quantity >= campaign.min_quantity
  const to = succeeded ? 'settled' : 'failed'
  const finalPriceFen = succeeded
    ? tierFor(ladderOf(campaign), campaign.paid_quantity).priceFen
    : null
  const moved = await db
    .updateTable('bulk_campaign')
    .set({ status: to, final_price_fen: finalPriceFen, settled_at: now, updated_at: now })
    .where('id', '=', campaign.id)
    .where('status', '=', campaign.status)
    .where('paid_quantity', '=', campaign.paid_quantity)
    .where('reserved_quantity', '=', campaign.reserved_quantity)
    .executeTakeFirst()
  if (moved.numUpdatedRows !== 1n) return null
  await recordAudit(db, actor, {
    action: `bulk_campaign.${to}`,
    entityType: 'bulk_campaign',
    entityId: campaign.id,
    organizationId: null,
    before: { status: campaign.status },
    after: {
      status: to,
      paidQuantity: campaign.paid_quantity,
      minQuantity: campaign.min_quantity,
      finalPriceFen,
    },
  })
  return { status: to, refunds: await refundBuyers(db, hooks, actor, campaign, finalPriceFen) }
}

async function refundBuyers(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  campaign: BulkCampaignTable,
  finalPriceFen: number | null,
): Promise<number> {
  const paidLinks = await db
    .selectFrom('bulk_order')
    .select(['id', 'campaign_id', 'order_id', 'quantity', 'unit_paid_fen'])
    .where('campaign_id', '=', campaign.id)
    .where('status', '=', 'paid')
    .orderBy('id')
    .execute()
  const orders = await ordersById(
    db,
    paidLinks.map((link) => link.order_id),
  )
  const links = paidLinks.flatMap((link) => {
    const order = orders.get(link.order_id)
    return order
      ? [
          {
            ...order,
            link_id: link.id,
            campaign_id: link.campaign_id,
            quantity: link.quantity,
            unit_paid_fen: link.unit_paid_fen,
          },
        ]
      : []
  })
  let started = 0
  for (const link of links) {
    const left = await refundableFen(db, link)
    const owed =
      finalPriceFen === null
        ? left
        : tierRefundFen(link.unit_paid_fen, finalPriceFen, link.quantity)
    const amountFen = REFUNDABLE_STATUSES.includes(link.status) ? Math.min(owed, left) : 0
    const moved = await transitionBulkOrder(
      db,
      actor,
      { id: link.link_id, campaign_id: link.campaign_id, order_id: link.id },
      'paid',
      finalPriceFen === null ? 'refunded' : 'settled',
      {
        set: { refunded_fen: amountFen },
        after: { refundFen: amountFen, finalPriceFen },
        ...(amountFen < owed
          ? { note: `order ${link.status}: ${owed - amountFen} fen not refunded` }
          : {}),
      },
    )
    if (!moved || amountFen === 0) continue
    await startRefund(
      db,
      hooks,
      actor,
      link,
      link.status,
      amountFen,
      finalPriceFen === null
        ? '团购未达成团件数，自动全额退款'
        : `团购最终价 ${formatYuan(finalPriceFen)}，自动退还差价`,
    )
    started += 1
  }
  return started
}
