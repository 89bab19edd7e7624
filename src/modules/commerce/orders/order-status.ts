import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { AppError } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import type { OrderStatus, ShopOrderTable } from './order-tables.js'

// The order's state machine. Every transition is explicit here, applied with compare-and-set on
// the current status (two racing transitions: one wins, the other is refused), written to the
// order's history and to the audit log.

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  created: ['paid', 'cancelled'],
  paid: ['ready_for_pickup', 'shipped', 'completed', 'refunding'],
  ready_for_pickup: ['completed', 'refunding'],
  shipped: ['ready_for_pickup', 'completed', 'refunding'],
  completed: ['refunding'],
  refunding: ['refunded', 'paid', 'ready_for_pickup', 'shipped', 'completed'],
  cancelled: [],
  refunded: [],
}

export const canTransition = (from: OrderStatus, to: OrderStatus): boolean =>
  NEXT[from].includes(to)

const STATUS_ZH: Record<OrderStatus, string> = {
  created: '待付款',
  paid: '已付款',
  ready_for_pickup: '待取货',
  shipped: '已发货',
  completed: '已完成',
  cancelled: '已取消',
  refunding: '退款中',
  refunded: '已退款',
}

export const orderStatusZh = (status: OrderStatus): string => STATUS_ZH[status]

type OrderTimestamps = Partial<
  Pick<ShopOrderTable, 'paid_at' | 'ready_at' | 'completed_at' | 'cancelled_at' | 'cancel_reason'>
>

/** Moves an order from `from` to `to`, or throws 409 when it is no longer in `from`. */
export async function transitionOrder(
  db: Db,
  actor: Actor,
  order: Pick<ShopOrderTable, 'id' | 'order_no' | 'shop_id'>,
  from: OrderStatus,
  to: OrderStatus,
  details: { note?: string; set?: OrderTimestamps; organizationId?: string | null } = {},
): Promise<void> {
  if (!canTransition(from, to)) throw refused(from, to)
  const at = nowIso()
  const result = await db
    .updateTable('shop_order')
    .set({ ...details.set, status: to, updated_at: at })
    .where('id', '=', order.id)
    .where('status', '=', from)
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n) throw refused(from, to)
  await db
    .insertInto('order_event')
    .values({
      id: newId(),
      order_id: order.id,
      from_status: from,
      to_status: to,
      actor_user_id: actor.principal?.userId ?? null,
      note: details.note ?? null,
      at,
    })
    .execute()
  await recordAudit(db, actor, {
    action: `order.${to}`,
    entityType: 'order',
    entityId: order.id,
    organizationId: details.organizationId ?? null,
    before: { status: from },
    after: { status: to, orderNo: order.order_no, ...(details.note ? { note: details.note } : {}) },
  })
}

const refused = (from: OrderStatus, to: OrderStatus) =>
  new AppError(
    'conflict',
    {
      en: `the order is no longer ${from}, or cannot become ${to}`,
      zh: `订单状态已变化，无法从“${STATUS_ZH[from]}”变为“${STATUS_ZH[to]}”`,
    },
    [
      {
        field: 'status',
        message: { en: `cannot go from ${from} to ${to}`, zh: '订单状态不允许此操作' },
      },
    ],
  )
