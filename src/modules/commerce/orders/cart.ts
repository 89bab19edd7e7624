import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { invalidField } from '../../../shared/errors.js'
import type { Static } from 'typebox'
import type { CartLine } from './order-schema.js'

// The cart holds SKUs and quantities only; prices are read at checkout, so a price change can
// never be charged from a stale cart.

export async function readCart(db: Db, userId: string): Promise<Static<typeof CartLine>[]> {
  const rows = await db
    .selectFrom('cart_item')
    .innerJoin('sku', 'sku.id', 'cart_item.sku_id')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .innerJoin('shop', 'shop.id', 'product.shop_id')
    .select([
      'cart_item.sku_id',
      'cart_item.quantity',
      'sku.spec',
      'sku.price_fen',
      'sku.active',
      'product.id as product_id',
      'product.title',
      'product.status',
      'shop.status as shop_status',
    ])
    .where('cart_item.user_id', '=', userId)
    .orderBy('cart_item.added_at')
    .execute()
  return rows.map((row) => ({
    skuId: row.sku_id,
    productId: row.product_id,
    title: row.title,
    spec: row.spec,
    unitPriceFen: row.price_fen,
    quantity: row.quantity,
    onSale: row.active === 1 && row.status === 'on_sale' && row.shop_status === 'approved',
  }))
}

/** Sets a SKU's quantity in the cart; 0 takes it out. */
export async function setCartQuantity(
  db: Db,
  actor: Actor,
  userId: string,
  skuId: string,
  quantity: number,
): Promise<void> {
  if (quantity === 0) {
    await db
      .deleteFrom('cart_item')
      .where('user_id', '=', userId)
      .where('sku_id', '=', skuId)
      .execute()
  } else {
    const sku = await db.selectFrom('sku').select('id').where('id', '=', skuId).executeTakeFirst()
    if (!sku) throw invalidField('skuId', { en: 'no such item', zh: '商品不存在' })
    await db
      .insertInto('cart_item')
      .values({ user_id: userId, sku_id: skuId, quantity, added_at: nowIso() })
      .onConflict((oc) => oc.columns(['user_id', 'sku_id']).doUpdateSet({ quantity }))
      .execute()
  }
  await recordAudit(db, actor, {
    action: 'cart.set',
    entityType: 'sku',
    entityId: skuId,
    organizationId: null,
    after: { quantity },
  })
}
