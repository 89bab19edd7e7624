import { findOrganizationSummary, organizationNamesOf } from '../../../platform/accounts/index.js'
import type { Db } from '../../../db/database.js'
import { isInScope, OutOfScopeError } from '../../../platform/access/index.js'
import { recordAudit } from '../../../platform/audit/index.js'
import { type Actor, type Page, pageWindow } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import type {
  ApplyShopBody,
  ReviewShopBody,
  Shop,
  ShopListQuery,
  ShopStatus,
  ShopTable,
  UpdateShopBody,
} from './shop-schema.js'
import { refreshSearchText } from '../search/index.js'

// MKT-1: a merchant (online seller, cooperative, enterprise) applies for its shop; the
// operating company reviews it, and may suspend it later.

export const SHOP = { en: 'shop', zh: '店铺' }
const SHOP_ORGANIZATION_TYPES = new Set(['merchant', 'enterprise'])

type ShopRow = ShopTable & { organization_name: string }

const selectShops = (db: Db) => db.selectFrom('shop').selectAll('shop')

/** The shops with their organization's name (accounts' table, read through accounts). */
async function withOrganizationNames(db: Db, rows: readonly ShopTable[]): Promise<ShopRow[]> {
  const names = await organizationNamesOf(
    db,
    rows.map((r) => r.organization_id),
  )
  return rows.flatMap((row) => {
    const organizationName = names.get(row.organization_id)
    return organizationName === undefined ? [] : [{ ...row, organization_name: organizationName }]
  })
}

export const toShop = (row: ShopRow): Shop => ({
  id: row.id,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  name: row.name,
  intro: row.intro,
  status: row.status,
  reviewNote: row.review_note,
  reviewedAt: row.reviewed_at,
  appliedAt: row.applied_at,
})

/** The shop, if the caller's scope reaches its organization; another merchant's is "not found". */
export async function findShopInScope(db: Db, actor: Actor, id: string): Promise<ShopRow> {
  const [row] = await withOrganizationNames(
    db,
    await selectShops(db).where('shop.id', '=', id).execute(),
  )
  if (!row) throw notFound(SHOP, id)
  if (!isInScope(actor.scope, row.organization_id))
    throw new OutOfScopeError(SHOP, 'shop', id, row.organization_id)
  return row
}

/** The one shop a merchant's people work in, or the one named (county clerks must name it). */
export async function resolveShop(db: Db, actor: Actor, shopId?: string): Promise<ShopRow> {
  if (shopId) return findShopInScope(db, actor, shopId)
  const mine = actor.scope.county ? [] : await listShopsInScope(db, actor)
  if (mine.length === 1 && mine[0]) return mine[0]
  throw invalidField('shopId', {
    en: mine.length === 0 ? 'name the shop (you run none yet)' : 'name the shop',
    zh: mine.length === 0 ? '请指定店铺（您尚未开店）' : '请指定店铺',
  })
}

const listShopsInScope = async (db: Db, actor: Actor): Promise<ShopRow[]> =>
  withOrganizationNames(
    db,
    await selectShops(db)
      .where('shop.organization_id', 'in', [...actor.scope.organizationIds, ''])
      .orderBy('shop.name')
      .execute(),
  )

export async function listMyShops(db: Db, actor: Actor): Promise<Shop[]> {
  return (await listShopsInScope(db, actor)).map(toShop)
}

export async function listShops(db: Db, query: ShopListQuery): Promise<Page<Shop>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = selectShops(db)
  if (query.status) base = base.where('shop.status', '=', query.status)
  if (query.q) base = base.where('shop.name', 'like', `%${query.q}%`)
  const [{ total }, rows] = await Promise.all([
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    base.orderBy('shop.applied_at').orderBy('shop.id').limit(pageSize).offset(offset).execute(),
  ])
  return { items: (await withOrganizationNames(db, rows)).map(toShop), total, page, pageSize }
}

export async function getShop(db: Db, actor: Actor, id: string): Promise<Shop> {
  return toShop(await findShopInScope(db, actor, id))
}

/** Which organization applies: the one named, or the caller's only merchant organization. */
function applicantOrganization(actor: Actor, organizationId: string | undefined): string {
  if (organizationId !== undefined) return organizationId
  const own = (actor.principal?.memberships ?? []).filter((m) =>
    SHOP_ORGANIZATION_TYPES.has(m.organizationType),
  )
  if (own.length === 1 && own[0]) return own[0].organizationId
  throw invalidField('organizationId', {
    en: 'name the merchant organization that applies',
    zh: '请指定申请开店的网商组织',
  })
}

export async function applyForShop(db: Db, actor: Actor, body: ApplyShopBody): Promise<Shop> {
  const organizationId = applicantOrganization(actor, body.organizationId)
  const organization = await findOrganizationSummary(db, organizationId)
  if (!organization || !isInScope(actor.scope, organizationId))
    throw new OutOfScopeError(
      { en: 'organization', zh: '组织' },
      'organization',
      organizationId,
      organizationId,
    )
  if (!SHOP_ORGANIZATION_TYPES.has(organization.type))
    throw invalidField('organizationId', {
      en: 'only merchants and enterprises run shops',
      zh: '只有网商和企业可以开店',
    })
  const existing = await db
    .selectFrom('shop')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst()
  if (existing && existing.status !== 'rejected')
    throw conflict({
      en: `this organization already has a shop (${existing.status})`,
      zh: `该组织已有店铺（${existing.status}）`,
    })
  const now = nowIso()
  const id = existing?.id ?? newId()
  const fields = {
    name: body.name,
    intro: body.intro ?? '',
    status: 'pending' as const,
    review_note: null,
    reviewed_by: null,
    reviewed_at: null,
    applied_at: now,
    updated_at: now,
  }
  if (existing) await db.updateTable('shop').set(fields).where('id', '=', id).execute()
  else
    await db
      .insertInto('shop')
      .values({ id, organization_id: organizationId, created_at: now, ...fields })
      .execute()
  const after = await getShop(db, actor, id)
  await recordAudit(db, actor, {
    action: existing ? 'shop.reapply' : 'shop.apply',
    entityType: 'shop',
    entityId: id,
    organizationId,
    before: existing ?? null,
    after,
  })
  return after
}

export async function updateShop(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateShopBody,
): Promise<Shop> {
  const before = toShop(await findShopInScope(db, actor, id))
  await db
    .updateTable('shop')
    .set({ ...body, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  if (body.name !== undefined && body.name !== before.name)
    await refreshSearchText(db, { shopId: id })
  const after = await getShop(db, actor, id)
  await recordAudit(db, actor, {
    action: 'shop.update',
    entityType: 'shop',
    entityId: id,
    organizationId: before.organizationId,
    before,
    after,
  })
  return after
}

/** Which decision is allowed from which status, and where it leads. */
const REVIEW_TRANSITIONS: Record<ReviewShopBody['decision'], { from: ShopStatus; to: ShopStatus }> =
  {
    approve: { from: 'pending', to: 'approved' },
    reject: { from: 'pending', to: 'rejected' },
    suspend: { from: 'approved', to: 'suspended' },
    reinstate: { from: 'suspended', to: 'approved' },
  }

export async function reviewShop(
  db: Db,
  actor: Actor,
  id: string,
  body: ReviewShopBody,
): Promise<Shop> {
  const before = toShop(await findShopInScope(db, actor, id))
  const transition = REVIEW_TRANSITIONS[body.decision]
  if (before.status !== transition.from)
    throw conflict(
      {
        en: `a ${before.status} shop cannot be given "${body.decision}"`,
        zh: `店铺当前状态为 ${before.status}，不能执行“${body.decision}”`,
      },
      'decision',
    )
  if ((body.decision === 'reject' || body.decision === 'suspend') && !body.note?.trim())
    throw invalidField('note', {
      en: 'say why, for the merchant',
      zh: '请填写原因，告知商家',
    })
  const now = nowIso()
  await db
    .updateTable('shop')
    .set({
      status: transition.to,
      review_note: body.note?.trim() || null,
      reviewed_by: actor.principal?.userId ?? null,
      reviewed_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute()
  const after = await getShop(db, actor, id)
  await recordAudit(db, actor, {
    action: `shop.${body.decision}`,
    entityType: 'shop',
    entityId: id,
    organizationId: before.organizationId,
    before,
    after,
  })
  return after
}
