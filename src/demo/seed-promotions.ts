import type { Db } from '../db/database.js'
import { systemActor } from '../platform/http/index.js'
import {
  createBargainActivity,
  createCampaign,
  createEvent,
  createSession,
  createTeamActivity,
  recordEventResults,
  scheduleSession,
  setTeamActivityStatus,
} from '../modules/promotions/index.js'

// The demo's promotions (SVC-3, SVC-4), made through the same services the operator's console
// uses: a two-person team buy, a community bulk buy with a price ladder, a bargain, tonight's
// flash sale at 20:00 Beijing time, and offline events — two held this season, one coming up.

const DAY_MS = 86_400_000

export async function seedPromotions(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .select(['sku.id', 'sku.price_fen', 'product.id as productId', 'product.title'])
    .where('product.status', '=', 'on_sale')
    .where('sku.active', '=', 1)
    .orderBy('product.sales_count', 'desc')
    .orderBy('product.title')
    .execute()
  // One SKU from each of the best-selling products.
  const skus = rows.filter((row, i) => rows.findIndex((r) => r.productId === row.productId) === i)
  const [team, bulk, bargain, flash] = skus
  if (!team || !bulk || !bargain || !flash) return 0
  const actor = systemActor('demo')
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString()
  const share = (fen: number, ratio: number) => Math.max(1, Math.round(fen * ratio))
  const window = { startsAt: at(-DAY_MS), endsAt: at(14 * DAY_MS) }

  const teamBuy = await createTeamActivity(db, actor, {
    skuId: team.id,
    title: `${team.title} 两人团`,
    teamPriceFen: share(team.price_fen, 0.8),
    teamSize: 2,
    ...window,
    stock: 60,
    perOrderLimit: 2,
    perUserLimit: 4,
  })
  await setTeamActivityStatus(db, actor, teamBuy.id, 'active')
  await createCampaign(db, actor, {
    skuId: bulk.id,
    title: `${bulk.title} 社区团购`,
    ladder: [
      { minQuantity: 0, priceFen: bulk.price_fen },
      { minQuantity: 30, priceFen: share(bulk.price_fen, 0.9) },
      { minQuantity: 80, priceFen: share(bulk.price_fen, 0.8) },
    ],
    minQuantity: 10,
    cap: 120,
    perUserMax: 10,
    ...window,
  })
  await createBargainActivity(db, actor, {
    skuId: bargain.id,
    title: `${bargain.title} 好友砍价`,
    originalPriceFen: bargain.price_fen,
    floorPriceFen: share(bargain.price_fen, 0.5),
    helpersNeeded: 5,
    stock: 30,
    perUserLaunchLimit: 1,
    helperDailyQuota: 3,
    buyBeforeFloor: true,
    ...window,
  })
  // 20:00 Beijing time (12:00 UTC) tomorrow, for an hour.
  const tomorrow = new Date(now.getTime() + DAY_MS)
  tomorrow.setUTCHours(12, 0, 0, 0)
  const session = await createSession(db, actor, {
    title: '每晚八点 五台好物秒杀',
    startsAt: tomorrow.toISOString(),
    endsAt: new Date(tomorrow.getTime() + 3_600_000).toISOString(),
    skus: [{ skuId: flash.id, salePriceFen: share(flash.price_fen, 0.6), stock: 20 }],
  })
  await scheduleSession(db, actor, {}, session.id)

  const events = [
    { title: '五台山台蘑推介会', place: '台怀镇游客中心广场', division: '140971100', days: -60 },
    { title: '豆村黄小米丰收节', place: '豆村镇集贸市场', division: '140922103', days: -25 },
    {
      title: '台城电商产业园年货展销会',
      place: '台城镇电商产业园',
      division: '140922100',
      days: 10,
    },
  ]
  for (const [index, event] of events.entries()) {
    const created = await createEvent(db, actor, {
      title: event.title,
      place: event.place,
      divisionCode: event.division,
      startsAt: at(event.days * DAY_MS),
      endsAt: at(event.days * DAY_MS + 6 * 3_600_000),
      description: '五台斋选产品现场品尝、扫码下单，体验店同步优惠',
      productIds: skus.slice(index, index + 2).map((sku) => sku.productId),
    })
    if (event.days < 0)
      await recordEventResults(db, actor, created.id, {
        visitors: 180 + index * 140,
        ordersCount: 36 + index * 21,
        salesFen: 864_000 + index * 512_000,
        note: '现场扫码下单为主，台蘑酱、黄小米最受欢迎',
      })
  }
  return 4 + events.length
}
