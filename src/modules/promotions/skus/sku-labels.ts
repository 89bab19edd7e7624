import type { Db } from '../../../db/database.js'
import { notFound } from '../../../shared/errors.js'
import { skuLabels } from '../../commerce/index.js'
import type { SkuLabel } from '../shared/index.js'

/** The product and SKU name of the SKU a promotion sells. */
export async function skuLabel(db: Db, skuId: string): Promise<SkuLabel> {
  const label = (await skuLabels(db, [skuId])).get(skuId)
  if (!label) throw notFound({ en: 'SKU', zh: '商品规格' }, skuId)
  return { productId: label.productId, productTitle: label.productTitle, spec: label.spec }
}
