import { randomInt } from 'node:crypto'
import type { Db } from '../../../db/database.js'
import type { ShopOrderTable } from './order-tables.js'

// A six-digit code the customer shows (or reads out) at the store or station. Unique among the
// orders waiting at that pickup point, so a clerk who types it finds exactly one order.

export async function assignPickupCode(
  db: Db,
  order: Pick<ShopOrderTable, 'id' | 'pickup_location_id'>,
): Promise<string> {
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const taken = await db
      .selectFrom('shop_order')
      .select('id')
      .where('pickup_location_id', '=', order.pickup_location_id)
      .where('pickup_code', '=', code)
      .where('status', 'in', ['paid', 'ready_for_pickup'])
      .executeTakeFirst()
    if (taken) continue
    await db
      .updateTable('shop_order')
      .set({ pickup_code: code })
      .where('id', '=', order.id)
      .execute()
    return code
  }
}
