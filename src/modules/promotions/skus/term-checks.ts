import type { Db } from '../../../db/database.js'
import { invalidField } from '../../../shared/errors.js'
import { skuLabels } from '../../commerce/index.js'

// Checks every promotion's terms share, on create and on edit: a window that ends after it
// starts, and a SKU that exists.

export async function checkWindowAndSku(
  db: Db,
  terms: { startsAt: string; endsAt: string; skuId: string },
): Promise<void> {
  if (Date.parse(terms.endsAt) <= Date.parse(terms.startsAt))
    throw invalidField('endsAt', { en: 'must be after the start', zh: '结束时间须晚于开始时间' })
  if (!(await skuLabels(db, [terms.skuId])).has(terms.skuId))
    throw invalidField('skuId', { en: 'no such SKU', zh: '商品规格不存在' })
}
