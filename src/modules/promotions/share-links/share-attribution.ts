import type { Db } from '../../../db/database.js'
import type { PromotionHooks } from '../../commerce/index.js'

// Orders through a share link (MKT-2), one mechanism for every promotion. Placing the order:
// `attributeOrder` counts it on the link and answers the code, which checkout stores as
// `shop_order.share_code`. Paying it: every promotion's hooks are wrapped by
// `countedHooks`, so the paid order is counted here, once — commerce calls `paid` once
// per order, in the payment's transaction, however often the provider repeats its callback.

/** Counts an order on a share link: the code when it exists, else null (never an error). */
export async function attributeOrder(
  db: Db,
  code: string | null | undefined,
): Promise<string | null> {
  if (code === undefined || code === null || code === '') return null
  const result = await db
    .updateTable('share_link')
    .set((eb) => ({ orders: eb('orders', '+', 1) }))
    .where('code', '=', code)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n ? code : null
}

async function countPaidOrder(db: Db, code: string | null): Promise<void> {
  if (code === null) return
  await db
    .updateTable('share_link')
    .set((eb) => ({ paid_orders: eb('paid_orders', '+', 1) }))
    .where('code', '=', code)
    .execute()
}

/**
 * A promotion's order hooks that also count each paid order on the link it came through —
 * unless the promotion refunds it at once (the team filled, the session sold out).
 */
export function countedHooks(hooks: PromotionHooks): PromotionHooks {
  return {
    ...hooks,
    async paid(db, actor, order, late) {
      const answer = await hooks.paid(db, actor, order, late)
      if (answer !== 'refund') await countPaidOrder(db, order.share_code)
      return answer
    },
  }
}
