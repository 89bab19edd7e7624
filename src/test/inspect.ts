import type { Selectable } from 'kysely'
import type { Database, Db } from '../db/database.js'

// What a test looks at after the fact, across modules. A module's tests assert on their own
// tables directly; other modules' rows (the audit log, the SMS outbox, orders seen from
// promotions, parcels seen from commerce) are read here, so no *.test.ts names a table its module
// does not own (issue 13). src/test/ is the harness and may read any table.

export type AuditEntry = Selectable<Database['audit_log']>

/** Audit entries matching every given field, oldest first. */
export async function auditEntries(
  db: Db,
  filter: {
    action?: string
    entityId?: string
    entityIds?: readonly string[]
    actorUserId?: string
  } = {},
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll()
  if (filter.action !== undefined) query = query.where('action', '=', filter.action)
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId)
  if (filter.entityIds !== undefined)
    query = query.where('entity_id', 'in', [...filter.entityIds, ''])
  if (filter.actorUserId !== undefined)
    query = query.where('actor_user_id', '=', filter.actorUserId)
  return query.orderBy('at').orderBy('id').execute()
}

/** Text messages queued, oldest first, optionally for one template and/or one phone. */
export async function smsSent(
  db: Db,
  filter: { template?: string; phone?: string } = {},
): Promise<{ phone: string; template: string; params_json: string }[]> {
  let query = db.selectFrom('sms_outbox').select(['phone', 'template', 'params_json'])
  if (filter.template !== undefined) query = query.where('template', '=', filter.template)
  if (filter.phone !== undefined) query = query.where('phone', '=', filter.phone)
  return query.orderBy('created_at').orderBy('id').execute()
}

/** An order's row as stored (status, amounts, promotion, pickup). */
export function orderRow(db: Db, orderId: string) {
  return db.selectFrom('shop_order').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow()
}

/** Every order's row, or those with the given ids. */
export function orderRows(db: Db, orderIds?: readonly string[]) {
  let query = db.selectFrom('shop_order').selectAll()
  if (orderIds !== undefined) query = query.where('id', 'in', [...orderIds, ''])
  return query.orderBy('id').execute()
}

/** The statuses an order went through, in order. */
export async function orderStatusHistory(db: Db, orderId: string): Promise<string[]> {
  const events = await db
    .selectFrom('order_event')
    .select('to_status')
    .where('order_id', '=', orderId)
    .orderBy('at')
    .orderBy('id')
    .execute()
  return events.map((event) => event.to_status)
}

/** Refunds of the given orders (every refund when none given), by order id. */
export function refundRows(db: Db, orderIds?: readonly string[]) {
  let query = db.selectFrom('refund').select(['order_id', 'amount_fen', 'status'])
  if (orderIds !== undefined) query = query.where('order_id', 'in', [...orderIds, ''])
  return query.orderBy('order_id').execute()
}

/** A parcel's row by its waybill number. */
export function parcelRow(db: Db, waybillNo: string) {
  return db
    .selectFrom('parcel')
    .selectAll()
    .where('waybill_no', '=', waybillNo)
    .executeTakeFirstOrThrow()
}

/** A SKU with its product's id and title. */
export function skuWithProduct(db: Db, skuId: string) {
  return db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .select(['product.id as productId', 'product.title', 'sku.spec'])
    .where('sku.id', '=', skuId)
    .executeTakeFirstOrThrow()
}

/** Organizations, by name. */
export function organizationRows(db: Db) {
  return db.selectFrom('organization').selectAll().orderBy('name').execute()
}

/** The organization a user belongs to (their first membership). */
export async function organizationOfUser(db: Db, username: string): Promise<string> {
  const row = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select('membership.organization_id as id')
    .where('app_user.username', '=', username)
    .executeTakeFirstOrThrow()
  return row.id
}

/** The stock location of the organization named `name`, with the division of its logistics site. */
export function stockLocationAtSiteOf(db: Db, name: string) {
  return db
    .selectFrom('stock_location')
    .innerJoin('organization', 'organization.id', 'stock_location.organization_id')
    .innerJoin('logistics_site', 'logistics_site.id', 'stock_location.site_id')
    .select(['stock_location.id', 'logistics_site.division_code'])
    .where('organization.name', '=', name)
    .executeTakeFirstOrThrow()
}

/** An organization's id by its name. */
export async function organizationIdNamed(db: Db, name: string): Promise<string> {
  const row = await db
    .selectFrom('organization')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  return row.id
}

/** Up to `count` products of the catalog, with their titles. */
export function someProducts(db: Db, count: number) {
  return db.selectFrom('product').select(['id', 'title']).limit(count).execute()
}

/** The code of one township of the loaded divisions, for a test that needs any real one. */
export async function someTownshipCode(db: Db): Promise<string> {
  const row = await db
    .selectFrom('division')
    .select('code')
    .where('level', '=', 'township')
    .orderBy('code')
    .executeTakeFirstOrThrow()
  return row.code
}
