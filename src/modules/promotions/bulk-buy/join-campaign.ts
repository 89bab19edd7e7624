import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict, invalidField } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { takeBuyerUnits } from './bulk-orders.js'
import { findCampaign, ladderOf } from './campaigns.js'
import { tierFor } from './ladder.js'
import type { JoinBody } from './schema.js'
import { checkout, PAYMENT_WINDOW_S } from '../../commerce/index.js'
import { attributeOrder } from '../share-links/index.js'

// Joining a campaign: the order is placed through commerce's checkout at the current tier's
// price, and its units are reserved under the cap with one conditional update (paid + reserved
// + q ≤ cap), so concurrent joins never pass it. Rows are locked in one order everywhere:
// stock (checkout), then the campaign, then the buyer's total.

export interface Joined {
  bulkOrderId: string
  orderId: string
  paymentId: string
  unitPriceFen: number
}

export async function joinCampaign(
  db: Db,
  actor: Actor,
  userId: string,
  provider: string,
  campaignId: string,
  body: JoinBody,
  shareCode?: string,
  now: string = nowIso(),
): Promise<Joined> {
  const campaign = await findCampaign(db, campaignId)
  if (campaign.status !== 'open' || now < campaign.starts_at || now >= campaign.ends_at)
    throw conflict(
      { en: 'the campaign is not taking orders now', zh: '团购未开始、已暂停或已截单' },
      'campaignId',
    )
  if (body.quantity > campaign.per_user_max)
    throw invalidField('quantity', {
      en: `at most ${campaign.per_user_max} per customer`,
      zh: `每人限购 ${campaign.per_user_max} 件`,
    })
  const unitPriceFen = tierFor(ladderOf(campaign), campaign.paid_quantity).priceFen
  const bulkOrderId = newId()
  const secondsLeft = Math.floor((Date.parse(campaign.ends_at) - Date.parse(now)) / 1000)
  // 社区团购: with a pickup store the goods wait there (order today, collect on the pickup date).
  const delivery = campaign.pickup_location_id
    ? { delivery: 'store_pickup' as const, pickupLocationId: campaign.pickup_location_id }
    : {
        delivery: body.delivery,
        ...(body.addressId === undefined ? {} : { addressId: body.addressId }),
        ...(body.pickupLocationId === undefined ? {} : { pickupLocationId: body.pickupLocationId }),
      }
  const placed = await checkout(db, actor, userId, provider, {
    items: [{ skuId: campaign.sku_id, quantity: body.quantity }],
    ...delivery,
    ...(body.note === undefined ? {} : { note: body.note }),
    promotion: {
      kind: 'bulk_buy',
      id: bulkOrderId,
      unitPriceFen,
      // Paid by the close (or within a minute of it), so the settlement need not wait long.
      paymentWindowS: Math.max(60, Math.min(PAYMENT_WINDOW_S, secondsLeft)),
      shareCode: await attributeOrder(db, shareCode),
    },
  })
  const orderId = placed.orderIds[0] ?? ''

  const reserved = await db
    .updateTable('bulk_campaign')
    .set((eb) => ({
      reserved_quantity: eb('reserved_quantity', '+', body.quantity),
      updated_at: now,
    }))
    .where('id', '=', campaign.id)
    .where('status', '=', 'open')
    .where((eb) =>
      eb(
        eb(eb('paid_quantity', '+', eb.ref('reserved_quantity')), '+', body.quantity),
        '<=',
        eb.ref('cap'),
      ),
    )
    .executeTakeFirst()
  if (reserved.numUpdatedRows !== 1n) {
    const latest = await findCampaign(db, campaign.id)
    const left = Math.max(0, latest.cap - latest.paid_quantity - latest.reserved_quantity)
    throw conflict(
      { en: `only ${left} left in this campaign`, zh: `团购仅剩 ${left} 件` },
      'quantity',
    )
  }
  if (!(await takeBuyerUnits(db, campaign.id, userId, body.quantity, campaign.per_user_max)))
    throw conflict(
      {
        en: `at most ${campaign.per_user_max} per customer in this campaign`,
        zh: `本团购每人限购 ${campaign.per_user_max} 件`,
      },
      'quantity',
    )
  await db
    .insertInto('bulk_order')
    .values({
      id: bulkOrderId,
      campaign_id: campaign.id,
      order_id: orderId,
      user_id: userId,
      quantity: body.quantity,
      unit_paid_fen: unitPriceFen,
      status: 'held',
      refunded_fen: 0,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await recordAudit(db, actor, {
    action: 'bulk_order.held',
    entityType: 'bulk_order',
    entityId: bulkOrderId,
    organizationId: null,
    after: { campaignId: campaign.id, orderId, quantity: body.quantity, unitPriceFen },
  })
  return { bulkOrderId, orderId, paymentId: placed.paymentId, unitPriceFen }
}
