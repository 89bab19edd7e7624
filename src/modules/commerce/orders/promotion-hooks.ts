import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { AppError, type Bilingual } from '../../../shared/errors.js'
import type { PromotionKind, ShopOrderTable } from './order-tables.js'

// Orders placed through a promotion (秒杀, 拼团, 砍价, 团购: SVC-3) carry its kind and id. The
// promotion is told when such an order is paid or cancelled, in the same transaction as the
// payment callback or the expiry that caused it, so a seat or a held unit is never counted
// twice or lost. Each promotion module registers its hooks once, when it is loaded.

export type { PromotionKind }

export interface PromotionHooks {
  /**
   * The order was paid; `late` when the money came after its payment window had lapsed. Answer
   * 'keep' to fulfil it now; 'hold' to keep it paid but unfulfilled until the promotion calls
   * `fulfilPaidOrder` (a team purchase ships when its team forms); 'refund' when the promotion
   * can no longer honour it (the team filled, the session sold out): the buyer then gets the
   * money back in full, automatically.
   */
  paid(
    db: Db,
    actor: Actor,
    order: ShopOrderTable,
    late: boolean,
  ): Promise<'keep' | 'hold' | 'refund'>
  /**
   * Why the buyer may not have a paid order refunded now (a member of a team still forming),
   * or null when they may. Asked before a cancellation or an after-sales request.
   */
  refusesRefund?(db: Db, order: ShopOrderTable): Promise<Bilingual | null>
  /**
   * A refund of everything left on the paid order has started (after-sales, an uncollected
   * order, the buyer cancelling), in that refund's transaction: the order no longer counts.
   */
  refundedInFull?(db: Db, actor: Actor, order: ShopOrderTable): Promise<void>
  /** The unpaid order was cancelled (its window lapsed, or the buyer gave up). */
  cancelled(db: Db, actor: Actor, order: ShopOrderTable): Promise<void>
}

const hooks = new Map<PromotionKind, PromotionHooks>()

export function registerPromotionHooks(kind: PromotionKind, promotion: PromotionHooks): void {
  hooks.set(kind, promotion)
}

export const promotionHooksOf = (order: Pick<ShopOrderTable, 'promotion_kind'>) =>
  order.promotion_kind === null ? undefined : hooks.get(order.promotion_kind)

/** Throws 409 when the order's promotion does not let the buyer have it refunded now. */
export async function assertPromotionAllowsRefund(db: Db, order: ShopOrderTable): Promise<void> {
  const reason = await promotionHooksOf(order)?.refusesRefund?.(db, order)
  if (reason) throw new AppError('conflict', reason)
}
