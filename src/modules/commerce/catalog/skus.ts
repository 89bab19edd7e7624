import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict, notFound } from '../../../shared/errors.js'
import type { ProductDetail, SkuInput, UpdateSkuBody } from './product-schema.js'
import { findProductInScope, getProduct } from './products.js'
import { hasSellableSku, insertSkus, refreshMinPrice } from './sku-rows.js'

// A product's SKUs: spec, unit, price in fen, and weight and volume for the logistics side.
// SKUs are retired (active = false), never deleted: orders will point at them.

const SKU = { en: 'SKU', zh: '规格' }

/** An on-sale product must keep a sellable SKU (see product-status.ts). */
async function assertStillSellable(db: Db, productId: string): Promise<void> {
  const product = await db
    .selectFrom('product')
    .select('status')
    .where('id', '=', productId)
    .executeTakeFirstOrThrow()
  if (product.status === 'on_sale' && !(await hasSellableSku(db, productId)))
    throw conflict(
      {
        en: 'an on-sale product needs an active SKU with a price; take it off sale first',
        zh: '在售商品至少需要一个有价格的有效规格，请先下架',
      },
      'active',
    )
}

export async function addSku(
  db: Db,
  actor: Actor,
  productId: string,
  body: SkuInput,
): Promise<ProductDetail> {
  const product = await findProductInScope(db, actor, productId)
  const before = await getProduct(db, actor, productId)
  await insertSkus(db, productId, [body])
  await refreshMinPrice(db, productId)
  const after = await getProduct(db, actor, productId)
  await recordAudit(db, actor, {
    action: 'sku.create',
    entityType: 'product',
    entityId: productId,
    organizationId: product.organization_id,
    before: { skus: before.skus },
    after: { skus: after.skus },
  })
  return after
}

export async function updateSku(
  db: Db,
  actor: Actor,
  productId: string,
  skuId: string,
  body: UpdateSkuBody,
): Promise<ProductDetail> {
  const product = await findProductInScope(db, actor, productId)
  const sku = await db
    .selectFrom('sku')
    .selectAll()
    .where('id', '=', skuId)
    .where('product_id', '=', productId)
    .executeTakeFirst()
  if (!sku) throw notFound(SKU, skuId)
  await db
    .updateTable('sku')
    .set({
      ...(body.spec !== undefined ? { spec: body.spec } : {}),
      ...(body.unit !== undefined ? { unit: body.unit } : {}),
      ...(body.priceFen !== undefined ? { price_fen: body.priceFen } : {}),
      ...(body.weightG !== undefined ? { weight_g: body.weightG } : {}),
      ...(body.volumeCm3 !== undefined ? { volume_cm3: body.volumeCm3 } : {}),
      ...(body.barcode !== undefined ? { barcode: body.barcode } : {}),
      ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
      updated_at: nowIso(),
    })
    .where('id', '=', skuId)
    .execute()
  await refreshMinPrice(db, productId)
  await assertStillSellable(db, productId)
  const after = await getProduct(db, actor, productId)
  await recordAudit(db, actor, {
    action: 'sku.update',
    entityType: 'sku',
    entityId: skuId,
    organizationId: product.organization_id,
    before: sku,
    after: after.skus.find((s) => s.id === skuId) ?? null,
  })
  return after
}
