import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import { divisionExists, findDivisionPaths } from '../../../platform/geography/index.js'
import { type Actor, type Page, pageWindow } from '../../../platform/http/index.js'
import { nowIso, shanghaiDayStartMs } from '../../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { productTitles } from '../../commerce/index.js'
import { createShareLink, shareLinksOf } from '../share-links/index.js'
import type {
  EventBody,
  EventQuery,
  EventResultBody,
  EventStatus,
  PromotionEvent,
  PromotionEventTable,
} from './schema.js'

// SVC-4: the county holds offline promotion events (推介会, 展销会, 直播进村) — at least two a
// year. The operator plans one (where, when, which products), invites through its share link
// (MKT-2: visits counted), and afterwards records what came of it; or cancels it, saying why.
//
//   planned → held (results recorded) | cancelled

const EVENT = { en: 'promotion event', zh: '推广活动' }

export async function createEvent(db: Db, actor: Actor, body: EventBody): Promise<PromotionEvent> {
  await checkEvent(db, body)
  const now = nowIso()
  const row: PromotionEventTable = {
    id: newId(),
    title: body.title.trim(),
    place: body.place.trim(),
    division_code: body.divisionCode,
    starts_at: new Date(body.startsAt).toISOString(),
    ends_at: new Date(body.endsAt).toISOString(),
    description: body.description,
    status: 'planned',
    visitors: null,
    orders_count: null,
    sales_fen: null,
    result_note: null,
    cancel_reason: null,
    created_by: actor.principal?.userId ?? null,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('promotion_event').values(row).execute()
  await setProducts(db, row.id, body.productIds)
  await createShareLink(db, { kind: 'event', id: row.id }, row.created_by)
  await recordAudit(db, actor, {
    action: 'promotion_event.planned',
    entityType: 'promotion_event',
    entityId: row.id,
    organizationId: null,
    after: { title: row.title, place: row.place, startsAt: row.starts_at },
  })
  return getEvent(db, row.id)
}

export async function updateEvent(
  db: Db,
  actor: Actor,
  id: string,
  body: EventBody,
): Promise<PromotionEvent> {
  const before = await plannedEvent(db, id)
  await checkEvent(db, body)
  await db
    .updateTable('promotion_event')
    .set({
      title: body.title.trim(),
      place: body.place.trim(),
      division_code: body.divisionCode,
      starts_at: new Date(body.startsAt).toISOString(),
      ends_at: new Date(body.endsAt).toISOString(),
      description: body.description,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .where('status', '=', 'planned')
    .execute()
  await setProducts(db, id, body.productIds)
  await recordAudit(db, actor, {
    action: 'promotion_event.updated',
    entityType: 'promotion_event',
    entityId: id,
    organizationId: null,
    before: { title: before.title, place: before.place, startsAt: before.starts_at },
    after: { title: body.title, place: body.place, startsAt: body.startsAt },
  })
  return getEvent(db, id)
}

/** After the event: how many came, how many orders, how much was sold (fen). */
export async function recordEventResults(
  db: Db,
  actor: Actor,
  id: string,
  body: EventResultBody,
  now: string = nowIso(),
): Promise<PromotionEvent> {
  const event = await plannedEvent(db, id)
  if (event.starts_at > now)
    throw conflict(
      { en: 'the event has not started yet', zh: '活动尚未开始，不能登记结果' },
      'visitors',
    )
  await moveTo(db, id, 'held', {
    visitors: body.visitors,
    orders_count: body.ordersCount,
    sales_fen: body.salesFen,
    result_note: body.note ?? null,
  })
  await recordAudit(db, actor, {
    action: 'promotion_event.held',
    entityType: 'promotion_event',
    entityId: id,
    organizationId: null,
    before: { status: 'planned' },
    after: { status: 'held', ...body },
  })
  return getEvent(db, id)
}

export async function cancelEvent(
  db: Db,
  actor: Actor,
  id: string,
  reason: string,
): Promise<PromotionEvent> {
  await plannedEvent(db, id)
  await moveTo(db, id, 'cancelled', { cancel_reason: reason })
  await recordAudit(db, actor, {
    action: 'promotion_event.cancelled',
    entityType: 'promotion_event',
    entityId: id,
    organizationId: null,
    before: { status: 'planned' },
    after: { status: 'cancelled', reason },
  })
  return getEvent(db, id)
}

export async function listEvents(db: Db, query: EventQuery): Promise<Page<PromotionEvent>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = db.selectFrom('promotion_event')
  if (query.status) base = base.where('status', '=', query.status)
  if (query.year !== undefined)
    base = base
      .where('starts_at', '>=', new Date(shanghaiDayStartMs(`${query.year}-01-01`)).toISOString())
      .where(
        'starts_at',
        '<',
        new Date(shanghaiDayStartMs(`${query.year + 1}-01-01`)).toISOString(),
      )
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('starts_at', 'desc')
      .orderBy('id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return { items: await toEvents(db, rows), total, page, pageSize }
}

export async function getEvent(db: Db, id: string): Promise<PromotionEvent> {
  const row = await db
    .selectFrom('promotion_event')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound(EVENT, id)
  const [event] = await toEvents(db, [row])
  return event as PromotionEvent
}

async function toEvents(db: Db, rows: readonly PromotionEventTable[]): Promise<PromotionEvent[]> {
  const ids = [...rows.map((r) => r.id), '']
  const [products, links, paths] = await Promise.all([
    eventProducts(db, ids),
    shareLinksOf(db, 'event', ids),
    findDivisionPaths(
      db,
      rows.map((r) => r.division_code),
    ),
  ])
  return rows.map((row) => {
    const link = links.get(row.id)
    return {
      id: row.id,
      title: row.title,
      place: row.place,
      divisionCode: row.division_code,
      region: (paths.get(row.division_code) ?? []).join(' '),
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      description: row.description,
      status: row.status,
      products: products
        .filter((p) => p.event_id === row.id)
        .map((p) => ({ id: p.id, title: p.title })),
      visitors: row.visitors,
      ordersCount: row.orders_count,
      salesFen: row.sales_fen,
      resultNote: row.result_note,
      cancelReason: row.cancel_reason,
      shareCode: link?.code ?? null,
      shareVisits: link?.visits ?? 0,
    }
  })
}

/** The products of the events `eventIds`, in order of title. */
async function eventProducts(db: Db, eventIds: readonly string[]) {
  const links = await db
    .selectFrom('promotion_event_product')
    .select(['event_id', 'product_id'])
    .where('event_id', 'in', eventIds)
    .execute()
  const titles = await productTitles(
    db,
    links.map((link) => link.product_id),
  )
  return titles.flatMap((product) =>
    links
      .filter((link) => link.product_id === product.id)
      .map((link) => ({ event_id: link.event_id, id: product.id, title: product.title })),
  )
}

async function checkEvent(db: Db, body: EventBody): Promise<void> {
  if (Date.parse(body.endsAt) <= Date.parse(body.startsAt))
    throw invalidField('endsAt', { en: 'must be after startsAt', zh: '结束时间须晚于开始时间' })
  if (!(await divisionExists(db, body.divisionCode)))
    throw invalidField('divisionCode', {
      en: 'not a division of the county',
      zh: '行政区划不存在',
    })
  const found = await productTitles(db, body.productIds)
  const missing = body.productIds.findIndex((id) => !found.some((p) => p.id === id))
  if (missing >= 0)
    throw invalidField(`productIds/${missing}`, { en: 'no such product', zh: '商品不存在' })
}

async function setProducts(db: Db, eventId: string, productIds: readonly string[]) {
  await db.deleteFrom('promotion_event_product').where('event_id', '=', eventId).execute()
  if (productIds.length > 0)
    await db
      .insertInto('promotion_event_product')
      .values(productIds.map((productId) => ({ event_id: eventId, product_id: productId })))
      .execute()
}

async function plannedEvent(db: Db, id: string): Promise<PromotionEventTable> {
  const row = await db
    .selectFrom('promotion_event')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound(EVENT, id)
  if (row.status !== 'planned')
    throw conflict({
      en: `the event is ${row.status}`,
      zh: row.status === 'held' ? '活动已举办，结果已登记' : '活动已取消',
    })
  return row
}

async function moveTo(
  db: Db,
  id: string,
  to: EventStatus,
  set: Partial<PromotionEventTable>,
): Promise<void> {
  const result = await db
    .updateTable('promotion_event')
    .set({ ...set, status: to, updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'planned')
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n)
    throw conflict({ en: 'changed by someone else just now', zh: '活动刚被他人修改' })
}
