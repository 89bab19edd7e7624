import type { Db } from '../../../db/database.js'
import { nowIso } from '../../../shared/clock.js'
import { newId } from '../../../shared/ids.js'
import type { SkuInput } from './product-schema.js'

// SKU rows and what the product keeps from them (its lowest price).

export async function insertSkus(
  db: Db,
  productId: string,
  skus: readonly SkuInput[],
): Promise<void> {
  const existing = await db
    .selectFrom('sku')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow()
  const now = nowIso()
  await db
    .insertInto('sku')
    .values(
      skus.map((sku, index) => ({
        id: newId(),
        product_id: productId,
        spec: sku.spec,
        unit: sku.unit,
        price_fen: sku.priceFen,
        weight_g: sku.weightG,
        volume_cm3: sku.volumeCm3,
        barcode: sku.barcode ?? null,
        active: sku.active === false ? 0 : 1,
        position: existing.count + index,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute()
}

/** Keeps product.min_price_fen at the cheapest active SKU's price (null when none is active). */
export async function refreshMinPrice(db: Db, productId: string): Promise<void> {
  const { min } = await db
    .selectFrom('sku')
    .select((eb) => eb.fn.min<number | null>('price_fen').as('min'))
    .where('product_id', '=', productId)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow()
  await db.updateTable('product').set({ min_price_fen: min }).where('id', '=', productId).execute()
}

/** At least one active SKU with a price above zero: what a product needs to go on sale. */
export async function hasSellableSku(db: Db, productId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sku')
    .select('id')
    .where('product_id', '=', productId)
    .where('active', '=', 1)
    .where('price_fen', '>', 0)
    .executeTakeFirst()
  return row !== undefined
}
