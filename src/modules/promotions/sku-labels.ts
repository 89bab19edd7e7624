import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { notFound } from '../../shared/errors.js'

// The product title and SKU name (spec) a promotion sells, so a buyer sees what is on offer
// without a second request to the catalogue.

export const SkuLabelFields = {
  productId: Type.String(),
  productTitle: Type.String(),
  spec: Type.String({ description: 'the SKU name, e.g. 500g 袋装' }),
}

export interface SkuLabel {
  productId: string
  productTitle: string
  spec: string
}

export async function skuLabel(db: Db, skuId: string): Promise<SkuLabel> {
  const row = await db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .select(['product.id as productId', 'product.title as productTitle', 'sku.spec'])
    .where('sku.id', '=', skuId)
    .executeTakeFirst()
  if (!row) throw notFound({ en: 'SKU', zh: '商品规格' }, skuId)
  return row
}
