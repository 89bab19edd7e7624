import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { announceOrderParcel } from './order-shipping.js'
import { transitionOrder } from './order-status.js'
import type { ShopOrderTable } from './order-tables.js'
import { assignPickupCode } from './pickup-codes.js'

/**
 * A paid order goes to its buyer: store pickup waits at the counter with a pickup code, home
 * delivery and station pickup become parcels of the county network. Runs when the payment is
 * applied, or — for a team purchase (拼团) — when the team forms.
 */
export async function fulfilPaidOrder(
  db: Db,
  actor: Actor,
  order: ShopOrderTable,
  at: string = nowIso(),
): Promise<void> {
  if (order.delivery === 'store_pickup') {
    await assignPickupCode(db, order)
    await transitionOrder(db, actor, order, 'paid', 'ready_for_pickup', { set: { ready_at: at } })
  } else await announceOrderParcel(db, order)
}
