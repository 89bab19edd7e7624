import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import type { Category, CategoryBody, ProductCategoryTable } from './catalog-schema.js'

// Product categories, two levels deep (粮油米面 → 小米杂粮), kept by the operating company.

export const CATEGORY = { en: 'category', zh: '商品分类' }

/** Top-level categories with their children, in display order. */
export async function listCategoryTree(db: Db): Promise<Category[]> {
  const rows = await db
    .selectFrom('product_category')
    .selectAll()
    .orderBy('sort_order')
    .orderBy('name')
    .execute()
  return rows
    .filter((r) => r.parent_id === null)
    .map((top) => ({
      id: top.id,
      parentId: null,
      name: top.name,
      children: rows
        .filter((r) => r.parent_id === top.id)
        .map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name })),
    }))
}

export async function findCategory(db: Db, id: string): Promise<ProductCategoryTable | undefined> {
  return db.selectFrom('product_category').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The category and, for a top-level one, its children: what "in this category" means to search. */
export async function categoryIdsUnder(db: Db, id: string): Promise<string[]> {
  const children = await db
    .selectFrom('product_category')
    .select('id')
    .where('parent_id', '=', id)
    .execute()
  return [id, ...children.map((c) => c.id)]
}

export async function createCategory(db: Db, actor: Actor, body: CategoryBody): Promise<Category> {
  if (body.parentId !== undefined) {
    const parent = await findCategory(db, body.parentId)
    if (!parent) throw notFound(CATEGORY, body.parentId)
    if (parent.parent_id !== null)
      throw invalidField('parentId', {
        en: 'categories are two levels deep: pick a top-level parent',
        zh: '分类只有两级，请选择一级分类作为上级',
      })
  }
  const row = {
    id: newId(),
    parent_id: body.parentId ?? null,
    name: body.name,
    sort_order: body.sortOrder ?? 0,
    created_at: nowIso(),
  }
  await db.insertInto('product_category').values(row).execute()
  const after: Category = { id: row.id, parentId: row.parent_id, name: row.name, children: [] }
  await recordAudit(db, actor, {
    action: 'product_category.create',
    entityType: 'product_category',
    entityId: row.id,
    organizationId: null,
    after,
  })
  return after
}
