import type { Db } from '../../../db/database.js'
import { invalidField } from '../../../shared/errors.js'
import { checkWindowAndSku } from '../skus/index.js'
import type { BargainActivityTable, CreateBargainActivityBody } from './schema.js'

// An activity's terms, checked and turned into columns the same way on create and on edit.

export const DEFAULT_DURATION_S = 24 * 3600

/** Floor below the original, room for every helper's cut, end after start, an existing SKU. */
export async function checkActivityTerms(db: Db, body: CreateBargainActivityBody): Promise<void> {
  if (body.floorPriceFen >= body.originalPriceFen)
    throw invalidField('floorPriceFen', {
      en: 'the floor must be below the original price',
      zh: '底价须低于原价',
    })
  if (body.originalPriceFen - body.floorPriceFen < body.helpersNeeded)
    throw invalidField('helpersNeeded', {
      en: `each of the ${body.helpersNeeded} helpers must cut at least ¥0.01: original − floor is too small`,
      zh: `每位好友至少砍 ¥0.01，原价与底价之差不足 ${body.helpersNeeded} 分`,
    })
  await checkWindowAndSku(db, body)
}

export const activityTermColumns = (body: CreateBargainActivityBody) =>
  ({
    sku_id: body.skuId,
    title: body.title,
    original_price_fen: body.originalPriceFen,
    floor_price_fen: body.floorPriceFen,
    helpers_needed: body.helpersNeeded,
    duration_s: body.durationS ?? DEFAULT_DURATION_S,
    stock: body.stock,
    per_user_launch_limit: body.perUserLaunchLimit,
    helper_daily_quota: body.helperDailyQuota,
    buy_before_floor: body.buyBeforeFloor ? 1 : 0,
    starts_at: new Date(body.startsAt).toISOString(),
    ends_at: new Date(body.endsAt).toISOString(),
  }) satisfies Partial<BargainActivityTable>
