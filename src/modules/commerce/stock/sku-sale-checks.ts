import type { Db } from '../../../db/database.js'

// Whether SKUs can be sold at a promotion (a flash sale): on sale, at what normal price, and how
// many units the county's open warehouses hold.

export interface SkuForSale {
  /** The SKU is active and its product on sale. */
  onSale: boolean
  priceFen: number
  /** Units available in active warehouses, summed. */
  warehouseAvailable: number
}

/** The sale facts of the SKUs that exist among `skuIds`. */
export async function skusForSale(
  db: Db,
  skuIds: readonly string[],
): Promise<Map<string, SkuForSale>> {
  const rows = await db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .leftJoin('stock_level', (join) =>
      join
        .onRef('stock_level.sku_id', '=', 'sku.id')
        .on('stock_level.location_id', 'in', (eb) =>
          eb
            .selectFrom('stock_location')
            .select('id')
            .where('kind', '=', 'warehouse')
            .where('active', '=', 1),
        ),
    )
    .select(['sku.id', 'sku.price_fen', 'sku.active', 'product.status', 'stock_level.available'])
    .where('sku.id', 'in', [...skuIds, ''])
    .execute()
  const found = new Map<string, SkuForSale>()
  for (const row of rows) {
    const seen = found.get(row.id)
    if (seen) seen.warehouseAvailable += row.available ?? 0
    else
      found.set(row.id, {
        onSale: row.active === 1 && row.status === 'on_sale',
        priceFen: row.price_fen,
        warehouseAvailable: row.available ?? 0,
      })
  }
  return found
}
