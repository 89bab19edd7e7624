import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict } from '../../../shared/errors.js'
import type { ProductStatus } from './catalog-schema.js'
import type { ProductDetail } from './product-schema.js'
import { assertLicensed, findProductInScope, getProduct } from './products.js'
import { hasSellableSku } from './sku-rows.js'

// A product goes on sale only from an approved shop, with a sellable SKU, and (when it carries
// the county brand) while its merchant's licence for the series is valid.

async function assertSellable(
  db: Db,
  product: { id: string; shop_id: string; brand_series_id: string | null; organization_id: string },
): Promise<void> {
  const shop = await db
    .selectFrom('shop')
    .select('status')
    .where('id', '=', product.shop_id)
    .executeTakeFirstOrThrow()
  if (shop.status !== 'approved')
    throw conflict(
      {
        en: `the shop is ${shop.status}; only an approved shop sells`,
        zh: `店铺状态为 ${shop.status}，审核通过后才能上架`,
      },
      'status',
    )
  if (!(await hasSellableSku(db, product.id)))
    throw conflict(
      {
        en: 'add an active SKU with a price above zero first',
        zh: '请先添加价格大于零的有效规格',
      },
      'skus',
    )
  if (product.brand_series_id !== null)
    await assertLicensed(db, product.organization_id, product.brand_series_id)
}

export async function setProductStatus(
  db: Db,
  actor: Actor,
  id: string,
  status: ProductStatus,
): Promise<ProductDetail> {
  const product = await findProductInScope(db, actor, id)
  if (product.status === status) return getProductAudited(db, actor, product, status)
  if (status === 'on_sale') await assertSellable(db, product)
  const now = nowIso()
  await db
    .updateTable('product')
    .set({
      status,
      updated_at: now,
      ...(status === 'on_sale' && product.published_at === null ? { published_at: now } : {}),
    })
    .where('id', '=', id)
    .execute()
  return getProductAudited(db, actor, product, status)
}

async function getProductAudited(
  db: Db,
  actor: Actor,
  before: { id: string; status: ProductStatus; organization_id: string },
  status: ProductStatus,
): Promise<ProductDetail> {
  const after = await getProduct(db, actor, before.id)
  await recordAudit(db, actor, {
    action: `product.${status}`,
    entityType: 'product',
    entityId: before.id,
    organizationId: before.organization_id,
    before: { status: before.status },
    after: { status: after.status },
  })
  return after
}
