import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import { type Actor, type Page, pageWindow } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import type { ComplaintTable } from './after-sales-schema.js'

// GOV-2 consumer rights: complaints and reports of counterfeit goods or fraud, about an order or
// a shop, handled by the operating company and followed by the bureau.

export interface ComplaintBody {
  kind: ComplaintTable['kind']
  orderId?: string
  shopId?: string
  description: string
}

export async function fileComplaint(
  db: Db,
  actor: Actor,
  userId: string,
  body: ComplaintBody,
): Promise<ComplaintTable> {
  let shopId = body.shopId ?? null
  if (body.orderId) {
    const order = await db
      .selectFrom('shop_order')
      .select(['shop_id'])
      .where('id', '=', body.orderId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (!order) throw invalidField('orderId', { en: 'not one of your orders', zh: '不是您的订单' })
    shopId = order.shop_id
  } else if (shopId) {
    const shop = await db
      .selectFrom('shop')
      .select('id')
      .where('id', '=', shopId)
      .executeTakeFirst()
    if (!shop) throw invalidField('shopId', { en: 'no such shop', zh: '店铺不存在' })
  }
  const now = nowIso()
  const row: ComplaintTable = {
    id: newId(),
    user_id: userId,
    kind: body.kind,
    order_id: body.orderId ?? null,
    shop_id: shopId,
    description: body.description,
    status: 'open',
    resolution: null,
    handled_by: null,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('complaint').values(row).execute()
  await recordAudit(db, actor, {
    action: `complaint.${body.kind}`,
    entityType: 'complaint',
    entityId: row.id,
    organizationId: null,
    after: { orderId: row.order_id, shopId },
  })
  return row
}

export async function listComplaints(
  db: Db,
  query: {
    status?: ComplaintTable['status']
    kind?: ComplaintTable['kind']
    page?: number
    pageSize?: number
  },
  userId?: string,
): Promise<Page<ComplaintTable>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = db.selectFrom('complaint')
  if (userId) base = base.where('user_id', '=', userId)
  if (query.status) base = base.where('status', '=', query.status)
  if (query.kind) base = base.where('kind', '=', query.kind)
  const [{ total }, items] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return { items, total, page, pageSize }
}

const NEXT: Record<ComplaintTable['status'], readonly ComplaintTable['status'][]> = {
  open: ['handling', 'resolved', 'dismissed'],
  handling: ['resolved', 'dismissed'],
  resolved: [],
  dismissed: [],
}

export async function handleComplaint(
  db: Db,
  actor: Actor,
  id: string,
  body: { status: ComplaintTable['status']; resolution?: string },
): Promise<ComplaintTable> {
  const row = await db.selectFrom('complaint').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound({ en: 'complaint', zh: '投诉' }, id)
  if (!NEXT[row.status].includes(body.status))
    throw conflict(
      { en: `a ${row.status} complaint cannot become ${body.status}`, zh: '投诉状态不允许此变更' },
      'status',
    )
  if ((body.status === 'resolved' || body.status === 'dismissed') && !body.resolution)
    throw invalidField('resolution', { en: 'say how it was settled', zh: '请填写处理结果' })
  const updated: ComplaintTable = {
    ...row,
    status: body.status,
    resolution: body.resolution ?? row.resolution,
    handled_by: actor.principal?.userId ?? null,
    updated_at: nowIso(),
  }
  const result = await db
    .updateTable('complaint')
    .set({
      status: updated.status,
      resolution: updated.resolution,
      handled_by: updated.handled_by,
      updated_at: updated.updated_at,
    })
    .where('id', '=', id)
    .where('status', '=', row.status)
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n)
    throw conflict({ en: 'changed meanwhile', zh: '投诉状态已变化' }, 'status')
  await recordAudit(db, actor, {
    action: `complaint.${body.status}`,
    entityType: 'complaint',
    entityId: id,
    organizationId: null,
    before: { status: row.status },
    after: { status: body.status, resolution: updated.resolution },
  })
  return updated
}
