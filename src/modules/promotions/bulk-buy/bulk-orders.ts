import type { UpdateObject } from 'kysely'
import type { Database, Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import type { BulkOrderStatus, BulkOrderTable } from './schema.js'

// An order placed in a campaign. held: placed, not yet paid (its units reserved under the cap).
// paid: counted in the campaign's paid quantity. released: the payment window lapsed.
// settled: the campaign succeeded, the tier difference (if any) refunded. refunded: the money
// goes back in full (campaign failed, or the payment came when it could not be counted).

const NEXT: Record<BulkOrderStatus, readonly BulkOrderStatus[]> = {
  held: ['paid', 'released', 'refunded'],
  released: ['paid', 'refunded'],
  paid: ['settled', 'refunded'],
  settled: [],
  refunded: [],
}

/** Moves a campaign order from `from` to `to`; false when another transaction moved it first. */
export async function transitionBulkOrder(
  db: Db,
  actor: Actor,
  link: Pick<BulkOrderTable, 'id' | 'campaign_id' | 'order_id'>,
  from: BulkOrderStatus,
  to: BulkOrderStatus,
  details: { set?: UpdateObject<Database, 'bulk_order'>; note?: string; after?: object } = {},
): Promise<boolean> {
  if (!NEXT[from].includes(to))
    throw new Error(`programming error: a bulk order cannot go from ${from} to ${to}`)
  const result = await db
    .updateTable('bulk_order')
    .set({ ...details.set, status: to, updated_at: nowIso() })
    .where('id', '=', link.id)
    .where('status', '=', from)
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n) return false
  await recordAudit(db, actor, {
    action: `bulk_order.${to}`,
    entityType: 'bulk_order',
    entityId: link.id,
    organizationId: null,
    before: { status: from },
    after: {
      status: to,
      campaignId: link.campaign_id,
      orderId: link.order_id,
      ...details.after,
      ...(details.note ? { note: details.note } : {}),
    },
  })
  return true
}

/** Gives a buyer's units back under their per-user maximum. */
export async function releaseBuyerUnits(
  db: Db,
  link: Pick<BulkOrderTable, 'campaign_id' | 'user_id' | 'quantity'>,
): Promise<void> {
  await db
    .updateTable('bulk_buyer')
    .set((eb) => ({ quantity: eb('quantity', '-', link.quantity) }))
    .where('campaign_id', '=', link.campaign_id)
    .where('user_id', '=', link.user_id)
    .where('quantity', '>=', link.quantity)
    .execute()
}

/** Counts units for a buyer within `max`; false when that would pass it. */
export async function takeBuyerUnits(
  db: Db,
  campaignId: string,
  userId: string,
  quantity: number,
  max: number,
): Promise<boolean> {
  await db
    .insertInto('bulk_buyer')
    .values({ campaign_id: campaignId, user_id: userId, quantity: 0 })
    .onConflict((oc) => oc.columns(['campaign_id', 'user_id']).doNothing())
    .execute()
  const taken = await db
    .updateTable('bulk_buyer')
    .set((eb) => ({ quantity: eb('quantity', '+', quantity) }))
    .where('campaign_id', '=', campaignId)
    .where('user_id', '=', userId)
    .where('quantity', '<=', max - quantity)
    .executeTakeFirst()
  return taken.numUpdatedRows === 1n
}
