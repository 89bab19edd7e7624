import type { Db } from '../../../db/database.js'
import { displayNamesOf } from '../../../platform/accounts/index.js'
import { nowIso } from '../../../shared/clock.js'
import { maskName } from '../../../shared/personal-data.js'
import { formatYuan } from '../../../shared/money.js'
import { findActivity } from './activities.js'
import { canBuy } from './bargain-orders.js'
import { findBargain } from './bargains.js'
import { shareCodeOf } from '../share-links/index.js'
import { skuLabel } from '../skus/index.js'
import type { BargainProgress, BargainTable, BargainViewer } from './schema.js'

// What the launcher and the friends see: the remaining amount in yuan and the helpers still
// needed, both exact. Never a rounded percentage (a Shanghai court found "已砍 99%" misleading
// in 2022).

export async function bargainProgress(
  db: Db,
  bargainId: string,
  viewerId: string | null,
  now: string = nowIso(),
): Promise<BargainProgress> {
  const bargain = await findBargain(db, bargainId)
  const activity = await findActivity(db, bargain.activity_id)
  const helps = await db
    .selectFrom('bargain_help')
    .select(['helper_user_id', 'cut_fen', 'created_at'])
    .where('bargain_id', '=', bargainId)
    .orderBy('cut_index')
    .execute()
  const names = await displayNamesOf(
    db,
    helps.map((help) => help.helper_user_id),
  )
  const helpers = helps.flatMap((help) => {
    const displayName = names.get(help.helper_user_id)
    return displayName === undefined ? [] : [{ ...help, display_name: displayName }]
  })
  const label = await skuLabel(db, activity.sku_id)
  const remainingFen = bargain.current_price_fen - bargain.floor_price_fen
  const remainingHelpers = bargain.helpers_needed - bargain.helps_done
  return {
    id: bargain.id,
    activityId: activity.id,
    title: activity.title,
    ...label,
    status: bargain.status,
    originalPriceFen: bargain.original_price_fen,
    floorPriceFen: bargain.floor_price_fen,
    currentPriceFen: bargain.current_price_fen,
    remainingFen,
    helpersNeeded: bargain.helpers_needed,
    helpsDone: bargain.helps_done,
    remainingHelpers,
    text: progressText(bargain, remainingFen, remainingHelpers, now),
    canBuyNow:
      viewerId === bargain.launcher_user_id &&
      canBuy(bargain, activity.buy_before_floor === 1, now),
    orderId: viewerId === bargain.launcher_user_id ? bargain.order_id : null,
    expiresAt: bargain.expires_at,
    serverTime: now,
    seed: bargain.seed,
    helpers: helpers.map((helper) => ({
      name: maskName(helper.display_name),
      cutFen: helper.cut_fen,
      at: helper.created_at,
    })),
    shareCode: await shareCodeOf(db, 'bargain', bargain.id),
    viewer: viewerId === null ? null : await viewerOf(db, bargain, viewerId),
  }
}

/** Whether the viewer launched this bargain or already cut it, so the page offers the right button. */
async function viewerOf(db: Db, bargain: BargainTable, viewerId: string): Promise<BargainViewer> {
  const help = await db
    .selectFrom('bargain_help')
    .select('cut_fen')
    .where('bargain_id', '=', bargain.id)
    .where('helper_user_id', '=', viewerId)
    .executeTakeFirst()
  return {
    isLauncher: viewerId === bargain.launcher_user_id,
    helped: help !== undefined,
    cutFen: help?.cut_fen ?? null,
  }
}

function progressText(
  bargain: BargainTable,
  remainingFen: number,
  remainingHelpers: number,
  now: string,
): string {
  const price = formatYuan(bargain.current_price_fen)
  if (bargain.status === 'bought') return `已以 ${price} 购买`
  if (bargain.status === 'expired' || bargain.expires_at <= now)
    return `砍价已结束，最终价 ${price}`
  if (bargain.status === 'floor_reached') return `已砍到底价 ${price}`
  return `现价 ${price}，还差 ${formatYuan(remainingFen)}，再邀 ${remainingHelpers} 位好友砍到底价`
}
