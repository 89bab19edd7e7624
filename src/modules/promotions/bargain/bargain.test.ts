import { describe, expect, it } from 'vitest'
import { systemActor } from '../../../platform/http/index.js'
import { runPaymentRound } from '../../commerce/index.js'
import { type Client, type TestApp } from '../../../test/test-app.js'
import { helpBargain } from './bargains.js'
import { expireBargains } from './expire-bargains.js'
import { planCuts } from './plan-cuts.js'
import type { BargainProgress } from './schema.js'
import {
  applyPayment,
  consumers,
  hoursFromNow,
  payOrder,
  refundsOf,
  FLOOR_FEN,
  ORIGINAL_FEN,
  runningBargains,
  type Ordered,
} from './test-support.js'
import { auditEntries } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

const launch = async (activityId: string, launcher: Client) => {
  const launched = await launcher.request({
    method: 'POST',
    url: `/api/promotions/shop/bargain-activities/${activityId}/bargains`,
  })
  expect(launched.statusCode, launched.body).toBe(201)
  return launched.json<BargainProgress>()
}

const help = (bargainId: string, helper: Client) =>
  helper.request({ method: 'POST', url: `/api/promotions/shop/bargains/${bargainId}/help` })

const buy = (bargainId: string, launcher: Client, storeId: string) =>
  launcher.request({
    method: 'POST',
    url: `/api/promotions/shop/bargains/${bargainId}/buy`,
    payload: { delivery: 'store_pickup', pickupLocationId: storeId },
  })

const bargainRow = (t: TestApp, id: string) =>
  t.db.selectFrom('bargain').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

describe('砍价 bargains', () => {
  it('shows exact remaining yuan and helpers, with cuts anyone can recompute from the seed', async () => {
    const t = await ordersApp()
    const { activityId } = await runningBargains(t)
    const [launcher, friend] = await consumers(t, 2)
    if (!launcher || !friend) throw new Error('consumers')
    const launched = await launch(activityId, launcher)
    expect(launched).toMatchObject({
      status: 'open',
      currentPriceFen: ORIGINAL_FEN,
      remainingFen: ORIGINAL_FEN - FLOOR_FEN,
      remainingHelpers: 5,
      text: '现价 ¥129.00，还差 ¥99.00，再邀 5 位好友砍到底价',
    })
    const row = await bargainRow(t, launched.id)
    const cuts = JSON.parse(row.cuts_json) as number[]
    expect(planCuts(ORIGINAL_FEN - FLOOR_FEN, 5, launched.seed)).toEqual(cuts)

    const helped = await help(launched.id, friend)
    expect(helped.statusCode, helped.body).toBe(200)
    const { cutFen, progress } = helped.json<{ cutFen: number; progress: BargainProgress }>()
    expect(cutFen).toBe(cuts[0])
    expect(progress.remainingFen).toBe(ORIGINAL_FEN - FLOOR_FEN - cutFen)
    expect(progress.remainingHelpers).toBe(4)
    expect(progress.helpers).toEqual([
      {
        name: expect.stringMatching(/^用\*+$/) as string,
        cutFen,
        at: expect.any(String) as string,
      },
    ])
    expect(progress.text).not.toMatch(/%/)
  })

  it('refuses self-help and a second help by the same friend', async () => {
    const t = await ordersApp()
    const { activityId } = await runningBargains(t)
    const [launcher, friend] = await consumers(t, 2)
    if (!launcher || !friend) throw new Error('consumers')
    const { id } = await launch(activityId, launcher)
    const self = await help(id, launcher)
    expect(self.statusCode).toBe(409)
    expect(self.json<{ detailZh: string }>().detailZh).toMatch(/不能给自己砍价/)
    expect((await help(id, friend)).statusCode).toBe(200)
    const again = await help(id, friend)
    expect(again.statusCode).toBe(409)
    expect(again.json<{ detailZh: string }>().detailZh).toMatch(/已帮TA砍过/)
    // Racing double helps: one lands at most.
    const [other] = await consumers(t, 1)
    if (!other) throw new Error('consumers')
    const raced = await Promise.all([help(id, other), help(id, other), help(id, other)])
    expect(raced.filter((r) => r.statusCode === 200)).toHaveLength(1)
    expect(raced.filter((r) => r.statusCode === 409)).toHaveLength(2)
    expect((await bargainRow(t, id)).helps_done).toBe(2)
  })

  it('keeps each helper within the daily quota, counted in Shanghai days', async () => {
    const t = await ordersApp()
    const { activityId } = await runningBargains(t, { helperDailyQuota: 1 })
    const [first, second, helper] = await consumers(t, 3)
    if (!first || !second || !helper) throw new Error('consumers')
    const a = await launch(activityId, first)
    const b = await launch(activityId, second)
    expect((await help(a.id, helper)).statusCode).toBe(200)
    const over = await help(b.id, helper)
    expect(over.statusCode).toBe(409)
    expect(over.json<{ detailZh: string }>().detailZh).toMatch(/今天在本活动已帮砍 1 次/)
    // The next Shanghai day starts at 16:00 UTC.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    const tomorrow = new Date(Date.parse(`${today}T16:00:00Z`) + 60_000).toISOString()
    const help2 = await t.db
      .transaction()
      .execute((trx) => helpBargain(trx, systemActor('test'), helper.userId, b.id, tomorrow))
    expect(help2.cutIndex).toBe(0)
  })

  it('lets a customer launch only as many bargains as the activity allows', async () => {
    const t = await ordersApp()
    const { activityId } = await runningBargains(t, { perUserLaunchLimit: 1 })
    const [launcher] = await consumers(t, 1)
    if (!launcher) throw new Error('consumers')
    await launch(activityId, launcher)
    const again = await launcher.request({
      method: 'POST',
      url: `/api/promotions/shop/bargain-activities/${activityId}/bargains`,
    })
    expect(again.statusCode).toBe(409)
  })

  it('sells at the floor once every friend has cut, and not before unless the activity allows it', async () => {
    const t = await ordersApp()
    const { activityId, storeId } = await runningBargains(t, { helpersNeeded: 2 })
    const [launcher, a, b] = await consumers(t, 3)
    if (!launcher || !a || !b) throw new Error('consumers')
    const { id } = await launch(activityId, launcher)
    expect((await help(id, a)).statusCode).toBe(200)
    const early = await buy(id, launcher, storeId)
    expect(early.statusCode).toBe(409)
    expect(early.json<{ detailZh: string }>().detailZh).toMatch(/砍到底价才能购买/)
    expect((await help(id, b)).statusCode).toBe(200)
    expect(await bargainRow(t, id)).toMatchObject({
      status: 'floor_reached',
      current_price_fen: FLOOR_FEN,
    })
    const ordered = await buy(id, launcher, storeId)
    expect(ordered.statusCode, ordered.body).toBe(201)
    const order = ordered.json<Ordered>()
    expect(order.payment.amountFen).toBe(FLOOR_FEN)
    await payOrder(t, order)
    expect(await bargainRow(t, id)).toMatchObject({ status: 'bought', order_id: order.orderId })
    const activity = await t.db
      .selectFrom('bargain_activity')
      .select('stock_taken')
      .where('id', '=', activityId)
      .executeTakeFirstOrThrow()
    expect(activity.stock_taken).toBe(1)
    const progress = await launcher.request({
      method: 'GET',
      url: `/api/promotions/shop/bargains/${id}`,
    })
    expect(progress.json<BargainProgress>()).toMatchObject({ status: 'bought', canBuyNow: false })
  })

  it('gives a bargain cut to a ¥0 floor away in store at once, with nothing to pay', async () => {
    const t = await ordersApp()
    const { activityId, storeId } = await runningBargains(t, {
      helpersNeeded: 2,
      floorPriceFen: 0,
    })
    const [launcher, a, b] = await consumers(t, 3)
    if (!launcher || !a || !b) throw new Error('consumers')
    const { id } = await launch(activityId, launcher)
    expect((await help(id, a)).statusCode).toBe(200)
    expect((await help(id, b)).statusCode).toBe(200)
    const ordered = await buy(id, launcher, storeId)
    expect(ordered.statusCode, ordered.body).toBe(201)
    const order = ordered.json<Ordered>()
    // No pay page: WeChat Pay and Alipay refuse ¥0, and there is nothing to collect.
    expect(order.payment).toMatchObject({ amountFen: 0, status: 'succeeded' })
    expect(order.action).toBeNull()
    expect(await bargainRow(t, id)).toMatchObject({ status: 'bought', order_id: order.orderId })
    const mine = await launcher.request({
      method: 'GET',
      url: `/api/commerce/shop/orders/${order.orderId}`,
    })
    expect(mine.json()).toMatchObject({ status: 'ready_for_pickup', totalFen: 0 })
    expect(mine.json<{ pickupCode: string | null }>().pickupCode).toMatch(/^\d{6}$/)
  })

  it('buys at the current price before the floor when allowed, and frees the bargain and its unit when the order lapses', async () => {
    const t = await ordersApp()
    const { activityId, storeId } = await runningBargains(t, { buyBeforeFloor: true })
    const [launcher, a, late] = await consumers(t, 3)
    if (!launcher || !a || !late) throw new Error('consumers')
    const { id } = await launch(activityId, launcher)
    expect((await help(id, a)).statusCode).toBe(200)
    const price = (await bargainRow(t, id)).current_price_fen
    const ordered = await buy(id, launcher, storeId)
    expect(ordered.statusCode, ordered.body).toBe(201)
    expect(ordered.json<Ordered>().payment.amountFen).toBe(price)
    // While the order waits for payment the bargain takes no help and no second order.
    expect((await help(id, late)).statusCode).toBe(409)
    expect((await buy(id, launcher, storeId)).statusCode).toBe(409)

    await runPaymentRound(
      t.db,
      t.promotionHooks,
      t.payments.provider,
      t.payments.notifyUrl,
      new Date(Date.now() + 16 * 60_000).toISOString(),
    )
    expect(await bargainRow(t, id)).toMatchObject({ status: 'open', order_id: null })
    const activity = await t.db
      .selectFrom('bargain_activity')
      .select('stock_taken')
      .where('id', '=', activityId)
      .executeTakeFirstOrThrow()
    expect(activity.stock_taken).toBe(0)
    expect((await help(id, late)).statusCode).toBe(200)
  })

  it('keeps a payment that arrives after the window while the bargain is still free, and refunds one that comes after it was bought again', async () => {
    const t = await ordersApp()
    const { activityId, storeId } = await runningBargains(t, { helpersNeeded: 1 })
    const [launcher, friend] = await consumers(t, 2)
    if (!launcher || !friend) throw new Error('consumers')
    const { id } = await launch(activityId, launcher)
    expect((await help(id, friend)).statusCode).toBe(200)
    const first = (await buy(id, launcher, storeId)).json<Ordered>()
    const lapse = () =>
      runPaymentRound(
        t.db,
        t.promotionHooks,
        t.payments.provider,
        t.payments.notifyUrl,
        new Date(Date.now() + 16 * 60_000).toISOString(),
      )
    await lapse()
    expect(await bargainRow(t, id)).toMatchObject({ status: 'floor_reached', order_id: null })
    const second = await buy(id, launcher, storeId)
    expect(second.statusCode, second.body).toBe(201)
    await payOrder(t, second.json<Ordered>())
    expect(await bargainRow(t, id)).toMatchObject({
      status: 'bought',
      order_id: second.json<Ordered>().orderId,
    })
    // The first order's money comes after all: the bargain was bought, so it goes back in full.
    expect(await applyPayment(t, first)).toMatch(/after-expiry/)
    expect(await refundsOf(t, [first.orderId])).toEqual([
      { order_id: first.orderId, amount_fen: FLOOR_FEN, status: expect.any(String) as string },
    ])
    const activity = await t.db
      .selectFrom('bargain_activity')
      .select('stock_taken')
      .where('id', '=', activityId)
      .executeTakeFirstOrThrow()
    expect(activity.stock_taken).toBe(1)
  })

  it('expires an unbought bargain when its 24 hours have passed, not before', async () => {
    const t = await ordersApp()
    const { activityId } = await runningBargains(t)
    const [launcher, friend] = await consumers(t, 2)
    if (!launcher || !friend) throw new Error('consumers')
    const { id } = await launch(activityId, launcher)
    const actor = systemActor('test')
    expect(await expireBargains(t.db, actor, hoursFromNow(23))).toEqual({ expired: 0 })
    const rounds = await Promise.all([
      expireBargains(t.db, actor, hoursFromNow(25)),
      expireBargains(t.db, actor, hoursFromNow(25)),
    ])
    expect(rounds.reduce((sum, round) => sum + round.expired, 0)).toBe(1)
    expect((await bargainRow(t, id)).status).toBe('expired')
    expect((await help(id, friend)).statusCode).toBe(409)
    const audits = await auditEntries(t.db, { entityId: id })
    expect(audits.map((a) => a.action)).toEqual(['bargain.launched', 'bargain.expired'])
  })
})
