import type { Db } from '../../../db/database.js'
import { isInScope, OutOfScopeError } from '../../../platform/access/index.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { AppError, conflict, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { fenToYuan } from '../../../shared/money.js'
import type { AfterSaleStatus, AfterSaleTable } from './after-sales-schema.js'
import {
  assertPromotionAllowsRefund,
  startRefund,
  type PromotionHookRegistry,
} from '../orders/index.js'

// GOV-2 after-sales: the buyer asks for a refund (all or part, with or without returning the
// goods); the merchant answers within 48 hours; a refusal, or silence past the deadline, goes to
// the operating company, whose decision is final. An approval starts the refund.

export const MERCHANT_RESPONSE_S = 48 * 3600
const OPEN: readonly AfterSaleStatus[] = [
  'awaiting_merchant',
  'escalated',
  'awaiting_return',
  'returning',
  'approved',
]
const REFUNDABLE = ['paid', 'ready_for_pickup', 'shipped', 'completed'] as const

export async function requestAfterSale(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  userId: string,
  orderId: string,
  body: { kind: 'refund_only' | 'return_refund'; amountFen: number; reason: string },
): Promise<AfterSaleTable> {
  const order = await db
    .selectFrom('shop_order')
    .selectAll()
    .where('id', '=', orderId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!order) throw notFound({ en: 'order', zh: '订单' }, orderId)
  if (!(REFUNDABLE as readonly string[]).includes(order.status))
    throw conflict({
      en: `a ${order.status} order has nothing to refund`,
      zh: '该订单当前状态无法申请售后',
    })
  await assertPromotionAllowsRefund(db, hooks, order)
  const open = await db
    .selectFrom('after_sale')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', 'in', OPEN)
    .executeTakeFirst()
  if (open)
    throw conflict({
      en: 'this order already has an open request',
      zh: '该订单已有处理中的售后申请',
    })
  const left = order.total_fen - order.refunded_fen
  if (body.amountFen > left)
    throw new AppError(
      'invalid',
      { en: `at most ${left} fen can be refunded`, zh: `最多可退 ${left} 分` },
      [{ field: 'amountFen', message: { en: `at most ${left} fen`, zh: `最多可退 ${left} 分` } }],
    )
  const now = nowIso()
  const row: AfterSaleTable = {
    id: newId(),
    order_id: orderId,
    user_id: userId,
    kind: body.kind,
    amount_fen: body.amountFen,
    approved_fen: null,
    return_carrier: null,
    return_waybill_no: null,
    return_shipped_at: null,
    reason: body.reason,
    status: 'awaiting_merchant',
    respond_by: addSeconds(now, MERCHANT_RESPONSE_S),
    merchant_note: null,
    operator_note: null,
    refund_id: null,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('after_sale').values(row).execute()
  await recordAudit(db, actor, {
    action: 'after_sale.request',
    entityType: 'after_sale',
    entityId: row.id,
    organizationId: null,
    after: { orderId, kind: body.kind, amountFen: body.amountFen },
  })
  return row
}

/** Approve (all that was asked, or `amountFen` of it) or refuse. */
export interface Decision {
  decision: 'approve' | 'reject'
  note?: string
  amountFen?: number | undefined
}

/** The merchant approves (the refund starts) or refuses (the buyer may escalate). */
export async function respondAsMerchant(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  id: string,
  body: Decision,
): Promise<AfterSaleTable> {
  const { request, shopOrganization } = await loadInScope(db, actor, id)
  if (request.status !== 'awaiting_merchant')
    throw conflict({ en: `the request is ${request.status}`, zh: '该售后申请已处理' }, 'decision')
  if (body.decision === 'reject' && !body.note)
    throw new AppError('invalid', { en: 'say why', zh: '请填写拒绝理由' }, [
      { field: 'note', message: { en: 'required to refuse', zh: '拒绝时必填' } },
    ])
  return decide(db, hooks, actor, request, shopOrganization, body, 'awaiting_merchant', {
    merchant_note: body.note ?? null,
  })
}

/** The buyer takes a refusal to the operating company (平台介入). */
export async function escalateAsBuyer(db: Db, actor: Actor, userId: string, id: string) {
  const request = await db
    .selectFrom('after_sale')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!request) throw notFound({ en: 'after-sales request', zh: '售后申请' }, id)
  return moveTo(db, actor, request, ['rejected'], 'escalated', {})
}

/** The operating company's final word on an escalated request. */
export async function decideAsOperator(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  id: string,
  body: Decision & { note: string },
): Promise<AfterSaleTable> {
  const { request, shopOrganization } = await loadInScope(db, actor, id)
  if (request.status !== 'escalated')
    throw conflict(
      { en: 'only an escalated request is decided here', zh: '仅处理已申请平台介入的售后' },
      'decision',
    )
  return decide(db, hooks, actor, request, shopOrganization, body, 'escalated', {
    operator_note: body.note,
  })
}

/** Merchants who have not answered by the deadline: the request goes to the operating company. */
export async function escalateOverdue(
  db: Db,
  actor: Actor,
  now: string = nowIso(),
): Promise<number> {
  const overdue = await db
    .selectFrom('after_sale')
    .selectAll()
    .where('status', '=', 'awaiting_merchant')
    .where('respond_by', '<=', now)
    .limit(100)
    .execute()
  for (const request of overdue) {
    await moveTo(db, actor, request, ['awaiting_merchant'], 'escalated', {
      merchant_note: '商家超时未处理，已转平台处理',
    })
  }
  return overdue.length
}

async function decide(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  request: AfterSaleTable,
  shopOrganization: string,
  body: Decision,
  from: AfterSaleStatus,
  notes: Partial<Pick<AfterSaleTable, 'merchant_note' | 'operator_note'>>,
): Promise<AfterSaleTable> {
  if (body.decision === 'reject') {
    if (body.amountFen !== undefined)
      throw invalidField('amountFen', { en: 'only when approving', zh: '仅同意退款时填写金额' })
    return moveTo(db, actor, request, [from], 'rejected', notes, shopOrganization)
  }
  const amountFen = body.amountFen ?? request.amount_fen
  // Less than asked is a partial refund; more than asked is never given.
  if (amountFen > request.amount_fen)
    throw invalidField('amountFen', {
      en: `at most the ${request.amount_fen} fen asked for`,
      zh: `不能超过买家申请的 ${fenToYuan(request.amount_fen)} 元`,
    })
  // 退货退款: the money goes back once the goods are back (see receiveReturn).
  if (request.kind === 'return_refund')
    return moveTo(
      db,
      actor,
      request,
      [from],
      'awaiting_return',
      { ...notes, approved_fen: amountFen },
      shopOrganization,
    )
  return refundApproved(db, hooks, actor, request, amountFen, [from], notes, shopOrganization)
}

async function refundApproved(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  request: AfterSaleTable,
  amountFen: number,
  from: readonly AfterSaleStatus[],
  set: Partial<AfterSaleTable>,
  shopOrganization: string | null,
): Promise<AfterSaleTable> {
  const order = await db
    .selectFrom('shop_order')
    .selectAll()
    .where('id', '=', request.order_id)
    .executeTakeFirstOrThrow()
  if (!(REFUNDABLE as readonly string[]).includes(order.status))
    throw conflict({ en: `the order is ${order.status}`, zh: '订单状态已变化，无法退款' })
  const refundId = await startRefund(
    db,
    hooks,
    actor,
    order,
    order.status,
    amountFen,
    `售后：${request.reason}`,
  )
  return moveTo(
    db,
    actor,
    request,
    from,
    'approved',
    { ...set, refund_id: refundId, approved_fen: amountFen },
    shopOrganization,
  )
}

/** The merchant has this long to confirm a return once the buyer has sent it, or it is refunded. */
export const RETURN_CONFIRM_S = 7 * 24 * 3600

/** The buyer records how the goods went back (carrier and waybill number). */
export async function shipReturn(
  db: Db,
  actor: Actor,
  userId: string,
  id: string,
  body: { carrier: string; waybillNo: string },
): Promise<AfterSaleTable> {
  const request = await db
    .selectFrom('after_sale')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!request) throw notFound({ en: 'after-sales request', zh: '售后申请' }, id)
  const now = nowIso()
  return moveTo(db, actor, request, ['awaiting_return'], 'returning', {
    return_carrier: body.carrier.trim(),
    return_waybill_no: body.waybillNo.trim().toUpperCase(),
    return_shipped_at: now,
    // From now on the deadline is the merchant's, to confirm receiving the goods.
    respond_by: addSeconds(now, RETURN_CONFIRM_S),
  })
}

/** The merchant has the goods back: the approved amount is refunded. */
export async function receiveReturn(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  id: string,
): Promise<AfterSaleTable> {
  const { request, shopOrganization } = await loadInScope(db, actor, id)
  if (request.status !== 'returning')
    throw conflict(
      { en: `the request is ${request.status}`, zh: '该售后申请不在退货途中' },
      'status',
    )
  return refundApproved(
    db,
    hooks,
    actor,
    request,
    request.approved_fen ?? request.amount_fen,
    ['returning'],
    { merchant_note: request.merchant_note },
    shopOrganization,
  )
}

/** Returns the merchant has not confirmed within RETURN_CONFIRM_S are refunded (系统自动退款). */
export async function refundUnconfirmedReturns(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  now: string = nowIso(),
): Promise<number> {
  const overdue = await db
    .selectFrom('after_sale')
    .selectAll()
    .where('status', '=', 'returning')
    .where('respond_by', '<=', now)
    .limit(100)
    .execute()
  for (const request of overdue) {
    await refundApproved(
      db,
      hooks,
      actor,
      request,
      request.approved_fen ?? request.amount_fen,
      ['returning'],
      { operator_note: '商家超时未确认收货，系统自动退款' },
      null,
    )
  }
  return overdue.length
}

async function moveTo(
  db: Db,
  actor: Actor,
  request: AfterSaleTable,
  from: readonly AfterSaleStatus[],
  to: AfterSaleStatus,
  set: Partial<AfterSaleTable>,
  organizationId: string | null = null,
): Promise<AfterSaleTable> {
  const result = await db
    .updateTable('after_sale')
    .set({ ...set, status: to, updated_at: nowIso() })
    .where('id', '=', request.id)
    .where('status', 'in', from)
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n)
    throw conflict({ en: `the request is ${request.status}`, zh: '该售后申请状态已变化' }, 'status')
  await recordAudit(db, actor, {
    action: `after_sale.${to}`,
    entityType: 'after_sale',
    entityId: request.id,
    organizationId,
    before: { status: request.status },
    after: { status: to, ...set },
  })
  return { ...request, ...set, status: to }
}

async function loadInScope(db: Db, actor: Actor, id: string) {
  const row = await db
    .selectFrom('after_sale')
    .innerJoin('shop_order', 'shop_order.id', 'after_sale.order_id')
    .innerJoin('shop', 'shop.id', 'shop_order.shop_id')
    .selectAll('after_sale')
    .select('shop.organization_id as shop_org')
    .where('after_sale.id', '=', id)
    .executeTakeFirst()
  if (!row || !isInScope(actor.scope, row.shop_org))
    throw new OutOfScopeError(
      { en: 'after-sales request', zh: '售后申请' },
      'after_sale',
      id,
      row?.shop_org ?? null,
    )
  const { shop_org: shopOrganization, ...request } = row
  return { request: request, shopOrganization }
}

/** A refund an approved request started has gone through: the request is refunded. */
export async function markAfterSaleRefunded(db: Db, refundId: string): Promise<void> {
  await db
    .updateTable('after_sale')
    .set({ status: 'refunded', updated_at: nowIso() })
    .where('refund_id', '=', refundId)
    .where('status', '=', 'approved')
    .execute()
}
