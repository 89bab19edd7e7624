import type { Db } from '../../../db/database.js'
import { isInScope, OutOfScopeError } from '../../../platform/access/index.js'
import { recordAudit } from '../../../platform/audit/index.js'
import { divisionExists } from '../../../platform/geography/index.js'
import { type Actor, type Page, pageWindow } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { holdsValidLicense } from '../brand/index.js'
import { findSeries } from '../brand/index.js'
import { CATEGORY, findCategory } from './categories.js'
import type { ProductTable } from './catalog-schema.js'
import { storageKeysOf } from '../media/index.js'
import type {
  CreateProductBody,
  MerchantProductQuery,
  ProductCard,
  ProductDetail,
  UpdateProductBody,
} from './product-schema.js'
import { loadProductDetail, selectProductCards, toProductCards } from './product-views.js'
import { sanitizeRichText } from '../search/index.js'
import { forgetSearchText, refreshSearchText } from '../search/index.js'
import { resolveShop } from '../shops/index.js'
import { insertSkus, refreshMinPrice } from './sku-rows.js'

// MKT-1: a merchant keeps its own shop's products; another merchant's are "not found".

export const PRODUCT = { en: 'product', zh: '商品' }

type ScopedProduct = ProductTable & { organization_id: string }

/** The product, if the caller's scope reaches its shop's organization. */
export async function findProductInScope(db: Db, actor: Actor, id: string): Promise<ScopedProduct> {
  const row = await db
    .selectFrom('product')
    .innerJoin('shop', 'shop.id', 'product.shop_id')
    .selectAll('product')
    .select('shop.organization_id')
    .where('product.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound(PRODUCT, id)
  if (!isInScope(actor.scope, row.organization_id))
    throw new OutOfScopeError(PRODUCT, 'product', id, row.organization_id)
  return row
}

export async function getProduct(db: Db, actor: Actor, id: string): Promise<ProductDetail> {
  return loadProductDetail(db, await findProductInScope(db, actor, id))
}

export async function listProducts(
  db: Db,
  actor: Actor,
  query: MerchantProductQuery,
): Promise<Page<ProductCard>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = selectProductCards(db)
  if (!actor.scope.county)
    base = base.where('shop.organization_id', 'in', [...actor.scope.organizationIds, ''])
  if (query.shopId) base = base.where('product.shop_id', '=', query.shopId)
  if (query.status) base = base.where('product.status', '=', query.status)
  if (query.q) base = base.where('product.title', 'like', `%${query.q}%`)
  const [{ total }, rows] = await Promise.all([
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    base
      .orderBy('product.updated_at', 'desc')
      .orderBy('product.id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return { items: await toProductCards(db, rows), total, page, pageSize }
}

/** Checks the references a product body names; the series only with a valid licence (BR-1). */
async function checkReferences(
  db: Db,
  organizationId: string,
  body: UpdateProductBody,
): Promise<void> {
  if (body.categoryId !== undefined && !(await findCategory(db, body.categoryId)))
    throw invalidField('categoryId', {
      en: `no such ${CATEGORY.en}`,
      zh: `${CATEGORY.zh}不存在`,
    })
  if (body.originDivisionCode && !(await divisionExists(db, body.originDivisionCode)))
    throw invalidField('originDivisionCode', {
      en: 'no such village or township',
      zh: '没有这个村或乡镇',
    })
  if (body.brandSeriesId) {
    await findSeries(db, body.brandSeriesId).catch(() => {
      throw invalidField('brandSeriesId', { en: 'no such brand series', zh: '品牌系列不存在' })
    })
    await assertLicensed(db, organizationId, body.brandSeriesId)
  }
}

export async function assertLicensed(
  db: Db,
  organizationId: string,
  seriesId: string,
): Promise<void> {
  if (!(await holdsValidLicense(db, organizationId, seriesId)))
    throw conflict(
      {
        en: 'the merchant holds no valid licence for this brand series',
        zh: '该商家没有此品牌系列的有效授权',
      },
      'brandSeriesId',
    )
}

export async function createProduct(
  db: Db,
  actor: Actor,
  body: CreateProductBody,
): Promise<ProductDetail> {
  const shop = await resolveShop(db, actor, body.shopId)
  await checkReferences(db, shop.organization_id, body)
  const now = nowIso()
  const id = newId()
  await db
    .insertInto('product')
    .values({
      id,
      shop_id: shop.id,
      category_id: body.categoryId,
      brand_series_id: body.brandSeriesId ?? null,
      title: body.title,
      subtitle: body.subtitle ?? '',
      description_html: sanitizeRichText(body.descriptionHtml ?? ''),
      origin_division_code: body.originDivisionCode ?? null,
      producer: body.producer ?? '',
      local_kind: body.localKind ?? null,
      status: 'draft',
      sales_count: 0,
      min_price_fen: null,
      search_text: '',
      published_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await insertSkus(db, id, body.skus)
  await refreshMinPrice(db, id)
  await refreshSearchText(db, { productIds: [id] })
  const after = await getProduct(db, actor, id)
  await recordAudit(db, actor, {
    action: 'product.create',
    entityType: 'product',
    entityId: id,
    organizationId: shop.organization_id,
    after,
  })
  return after
}

export async function updateProduct(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateProductBody,
): Promise<ProductDetail> {
  const row = await findProductInScope(db, actor, id)
  await checkReferences(db, row.organization_id, body)
  const before = await loadProductDetail(db, row)
  await db
    .updateTable('product')
    .set({
      ...(body.categoryId !== undefined ? { category_id: body.categoryId } : {}),
      ...(body.brandSeriesId !== undefined ? { brand_series_id: body.brandSeriesId } : {}),
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.subtitle !== undefined ? { subtitle: body.subtitle } : {}),
      ...(body.descriptionHtml !== undefined
        ? { description_html: sanitizeRichText(body.descriptionHtml) }
        : {}),
      ...(body.originDivisionCode !== undefined
        ? { origin_division_code: body.originDivisionCode }
        : {}),
      ...(body.producer !== undefined ? { producer: body.producer } : {}),
      ...(body.localKind !== undefined ? { local_kind: body.localKind } : {}),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute()
  await refreshSearchText(db, { productIds: [id] })
  const after = await getProduct(db, actor, id)
  await recordAudit(db, actor, {
    action: 'product.update',
    entityType: 'product',
    entityId: id,
    organizationId: row.organization_id,
    before,
    after,
  })
  return after
}

/**
 * Removes a product that never sold, with its SKUs and images; returns the images' storage
 * keys, for the caller to delete once the transaction has committed.
 */
export async function deleteProduct(db: Db, actor: Actor, id: string): Promise<string[]> {
  const row = await findProductInScope(db, actor, id)
  if (row.status === 'on_sale' || row.sales_count > 0)
    throw conflict({
      en: 'take the product off sale first; a product that has sold stays (take it off sale instead)',
      zh: '请先下架；已有销量的商品不能删除，只能下架',
    })
  const before = await loadProductDetail(db, row)
  const images = await db
    .selectFrom('product_image')
    .select(['storage_key', 'variant_widths'])
    .where('product_id', '=', id)
    .execute()
  await db.deleteFrom('product_image').where('product_id', '=', id).execute()
  await db.deleteFrom('sku').where('product_id', '=', id).execute()
  await forgetSearchText(db, id)
  await db.deleteFrom('product').where('id', '=', id).execute()
  await recordAudit(db, actor, {
    action: 'product.delete',
    entityType: 'product',
    entityId: id,
    organizationId: row.organization_id,
    before,
  })
  return images.flatMap(storageKeysOf)
}
