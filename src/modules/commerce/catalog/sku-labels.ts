import type { Db } from '../../../db/database.js'

// What other modules (the promotions) show of the SKUs they sell, read from the catalog here so
// no one else names its tables: the product and its title, the SKU's name (spec) and price.

export interface SkuLabel {
  skuId: string
  productId: string
  productTitle: string
  spec: string
  /** The SKU's normal price, in fen. */
  priceFen: number
}

/** The labels of the SKUs that exist among `skuIds`, in order of product title. */
export async function skuLabels(db: Db, skuIds: readonly string[]): Promise<Map<string, SkuLabel>> {
  const rows = await db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .select([
      'sku.id as skuId',
      'product.id as productId',
      'product.title as productTitle',
      'sku.spec',
      'sku.price_fen as priceFen',
    ])
    .where('sku.id', 'in', [...skuIds, ''])
    .orderBy('product.title')
    .execute()
  return new Map(rows.map((row) => [row.skuId, row]))
}

/** The ids of a product's SKUs (retired ones too). */
export async function skuIdsOfProduct(db: Db, productId: string): Promise<string[]> {
  const rows = await db.selectFrom('sku').select('id').where('product_id', '=', productId).execute()
  return rows.map((row) => row.id)
}

/** The titles of the products that exist among `productIds`, in order of title. */
export const productTitles = (
  db: Db,
  productIds: readonly string[],
): Promise<{ id: string; title: string }[]> =>
  db
    .selectFrom('product')
    .select(['id', 'title'])
    .where('id', 'in', [...productIds, ''])
    .orderBy('title')
    .execute()
