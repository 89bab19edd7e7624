import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { AppError, type Bilingual } from '../../../shared/errors.js'
import { PROMOTION_KINDS, type PromotionKind, type ShopOrderTable } from './order-tables.js'

// Orders placed through a promotion (秒杀, 拼团, 砍价, 团购: SVC-3) carry its kind and id. The
// promotion is told when such an order is paid or cancelled, in the same transaction as the
// payment callback or the expiry that caused it, so a seat or a held unit is never counted
// twice or lost. The composition root makes one registry, registers every promotion's hooks in
// it and hands it to the commerce code that calls them; it refuses to start when a kind of
// promotion order has none.

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

/** Every kind of promotion's order hooks. */
export interface PromotionHookRegistry {
  register(kind: PromotionKind, hooks: PromotionHooks): void
  /** The hooks of the order's promotion; undefined for an order placed outside one. */
  of(order: Pick<ShopOrderTable, 'promotion_kind'>): PromotionHooks | undefined
  /** Throws, naming them, when kinds of promotion order have no hooks. */
  assertComplete(): void
}

export function createPromotionHookRegistry(): PromotionHookRegistry {
  const hooks = new Map<PromotionKind, PromotionHooks>()
  return {
    register(kind, promotion) {
      if (hooks.has(kind))
        throw new Error(`order hooks for promotion kind ${kind} registered twice`)
      hooks.set(kind, promotion)
    },
    of(order) {
      if (order.promotion_kind === null) return undefined
      const found = hooks.get(order.promotion_kind)
      if (!found) throw new Error(`no order hooks for promotion kind ${order.promotion_kind}`)
      return found
    },
    assertComplete() {
      const missing = PROMOTION_KINDS.filter((kind) => !hooks.has(kind))
      if (missing.length > 0)
        throw new Error(`no order hooks for promotion kind ${missing.join(', ')}`)
    },
  }
}

/** Throws 409 when the order's promotion does not let the buyer have it refunded now. */
export async function assertPromotionAllowsRefund(
  db: Db,
  hooks: PromotionHookRegistry,
  order: ShopOrderTable,
): Promise<void> {
  const reason = await hooks.of(order)?.refusesRefund?.(db, order)
  if (reason) throw new AppError('conflict', reason)
}
