import type { Db } from '../../../db/database.js'
import { invalidField } from '../../../shared/errors.js'
import { isOpenStore } from '../../commerce/index.js'
import { checkWindowAndSku } from '../skus/index.js'
import { ladderProblem } from './ladder.js'
import type { BulkCampaignTable, CreateCampaignBody } from './schema.js'

// A campaign's terms, checked and turned into columns the same way on create and on edit.

/** A usable ladder, minimum and per-user limit within the cap, end after start, SKU and store. */
export async function checkCampaignTerms(db: Db, body: CreateCampaignBody): Promise<void> {
  const problem = ladderProblem(body.ladder)
  if (problem)
    throw invalidField('ladder', { en: problem, zh: '阶梯价须从 0 件起、件数递增、价格递减' })
  if (body.minQuantity > body.cap)
    throw invalidField('minQuantity', { en: 'above the cap', zh: '成团件数不能超过上限' })
  if (body.perUserMax > body.cap)
    throw invalidField('perUserMax', { en: 'above the cap', zh: '每人限购不能超过上限' })
  await checkWindowAndSku(db, body)
  if (body.pickupLocationId !== undefined && !(await isOpenStore(db, body.pickupLocationId)))
    throw invalidField('pickupLocationId', {
      en: 'no open store has this id',
      zh: '体验店不存在或已停业',
    })
}

/** The columns the terms set (not the status: `open` only matters on create). */
export const campaignTermColumns = (body: CreateCampaignBody) =>
  ({
    sku_id: body.skuId,
    title: body.title,
    ladder_json: JSON.stringify(body.ladder),
    min_quantity: body.minQuantity,
    cap: body.cap,
    per_user_max: body.perUserMax,
    starts_at: new Date(body.startsAt).toISOString(),
    ends_at: new Date(body.endsAt).toISOString(),
    pickup_location_id: body.pickupLocationId ?? null,
    pickup_date: body.pickupDate ?? null,
  }) satisfies Partial<BulkCampaignTable>
