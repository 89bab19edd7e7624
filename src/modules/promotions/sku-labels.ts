import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { notFound } from '../../shared/errors.js'
import { skuLabels } from '../commerce/index.js'

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
  const label = (await skuLabels(db, [skuId])).get(skuId)
  if (!label) throw notFound({ en: 'SKU', zh: '商品规格' }, skuId)
  return { productId: label.productId, productTitle: label.productTitle, spec: label.spec }
}
