import { describe, expect, it } from 'vitest'
import { runPaymentRound } from '../../commerce/index.js'
import { type TestApp } from '../../../test/test-app.js'
import {
  applyPayment,
  buyers,
  joinTeam,
  openPaidTeam,
  openTeam,
  pay,
  refundsOf,
  runningActivity,
  seatsOf,
  teamRow,
  TEAM_PRICE_FEN,
  type SeatTaken,
} from './test-support.js'
import { orderRow } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

const windowLapses = (t: TestApp) =>
  runPaymentRound(
    t.db,
    t.promotionHooks,
    t.payments.provider,
    t.payments.notifyUrl,
    new Date(Date.now() + 16 * 60_000).toISOString(),
  )

const fieldOf = (body: string) =>
  (JSON.parse(body) as { errors?: { field: string }[] }).errors?.[0]?.field

describe('team-buy seats', () => {
  it('releases a seat whose payment window lapses, for another buyer to take', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 2 })
    const [leader, slow, next] = await buyers(t, 3)
    if (!leader || !slow || !next) throw new Error('buyers')
    const { teamId } = await openPaidTeam(t, running, leader)
    const held = await joinTeam(running, slow, teamId)
    expect(held.statusCode, held.body).toBe(201)
    const refused = await joinTeam(running, next, teamId)
    expect(refused.statusCode).toBe(409)
    expect(fieldOf(refused.body)).toBe('teamId')

    // The gateway closes the payment first, then the order is cancelled and the seat released.
    expect(await windowLapses(t)).toMatchObject({ closed: 1 })
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'open', held_seats: 0 })
    const taken = await joinTeam(running, next, teamId)
    expect(taken.statusCode, taken.body).toBe(201)
    await pay(t, taken.json<SeatTaken>())
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'succeeded', paid_members: 2 })

    // The slow payer's money arrives now: the team is full, so it goes back in full.
    const slowSeat = held.json<SeatTaken>()
    await applyPayment(t, slowSeat)
    expect(await refundsOf(t, [slowSeat.orderId])).toEqual([
      { order_id: slowSeat.orderId, amount_fen: TEAM_PRICE_FEN, status: 'pending' },
    ])
    const statuses = (await seatsOf(t, teamId)).map((seat) => seat.status).sort()
    expect(statuses).toEqual(['paid', 'paid', 'refunded'])
  })

  it('closes a team whose leader never pays, and keeps it out of sight', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 2 })
    const [leader] = await buyers(t, 1)
    if (!leader) throw new Error('buyers')
    const seat = (await openTeam(running, leader)).json<SeatTaken>()
    await windowLapses(t)
    expect(await teamRow(t, seat.teamId)).toMatchObject({ status: 'failed', held_seats: 0 })
    expect((await seatsOf(t, seat.teamId)).map((s) => s.status)).toEqual(['released'])
    // Free to open another; the late payment for the first is refunded in full.
    expect((await openTeam(running, leader)).statusCode).toBe(201)
    await applyPayment(t, seat)
    expect(await refundsOf(t, [seat.orderId])).toEqual([
      { order_id: seat.orderId, amount_fen: TEAM_PRICE_FEN, status: 'pending' },
    ])
  })

  it('closes a team at the end of its activity when that comes before its time to live', async () => {
    const t = await ordersApp()
    const endsAt = new Date(Date.now() + 2 * 3_600_000).toISOString()
    const running = await runningActivity(t, { teamSize: 2, ttlS: 86_400, endsAt })
    const [leader] = await buyers(t, 1)
    if (!leader) throw new Error('buyers')
    const { teamId } = await openPaidTeam(t, running, leader)
    expect((await teamRow(t, teamId)).expires_at).toBe(endsAt)
  })

  it('keeps a late payment while the team is still open with room', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 3 })
    const [leader, slow] = await buyers(t, 2)
    if (!leader || !slow) throw new Error('buyers')
    const { teamId } = await openPaidTeam(t, running, leader)
    const held = (await joinTeam(running, slow, teamId)).json<SeatTaken>()
    await windowLapses(t)
    expect(await applyPayment(t, held)).toBe('paid-after-expiry')
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'open', paid_members: 2 })
    expect(await refundsOf(t, [held.orderId])).toEqual([])
    const order = await orderRow(t.db, held.orderId)
    // Paid and kept, but the goods wait for the team to form.
    expect(order.status).toBe('paid')
  })

  it('hands the goods over only once the team forms, and lets no paid member cancel before', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 2 })
    const [leader, member] = await buyers(t, 2)
    if (!leader || !member) throw new Error('buyers')
    const { teamId, orderId: leaderOrder } = await openPaidTeam(t, running, leader)
    const pickupOf = async (id: string) => {
      const { status, pickup_code } = await orderRow(t.db, id)
      return { status, pickup_code }
    }
    expect(await pickupOf(leaderOrder)).toEqual({ status: 'paid', pickup_code: null })
    const cancel = await leader.request({
      method: 'POST',
      url: `/api/commerce/shop/orders/${leaderOrder}/cancel`,
    })
    expect(cancel.statusCode).toBe(409)
    expect(cancel.json<{ detailZh: string }>().detailZh).toContain('拼团进行中')
    const afterSale = await leader.request({
      method: 'POST',
      url: `/api/commerce/shop/orders/${leaderOrder}/after-sales`,
      payload: { kind: 'refund_only', amountFen: 100, reason: '不想等了' },
    })
    expect(afterSale.statusCode).toBe(409)

    const seat = (await joinTeam(running, member, teamId)).json<SeatTaken>()
    await pay(t, seat)
    expect((await teamRow(t, teamId)).status).toBe('succeeded')
    for (const id of [leaderOrder, seat.orderId]) {
      const order = await pickupOf(id)
      expect(order.status).toBe('ready_for_pickup')
      expect(order.pickup_code).toMatch(/^\d{6}$/)
    }
  })

  it('does not un-form a team when a member is refunded after it succeeded', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 2 })
    const [leader, member] = await buyers(t, 2)
    if (!leader || !member) throw new Error('buyers')
    const { teamId } = await openPaidTeam(t, running, leader)
    const seat = (await joinTeam(running, member, teamId)).json<SeatTaken>()
    await pay(t, seat)
    expect((await teamRow(t, teamId)).status).toBe('succeeded')

    const cancelled = await member.request({
      method: 'POST',
      url: `/api/commerce/shop/orders/${seat.orderId}/cancel`,
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    await runPaymentRound(t.db, t.promotionHooks, t.payments.provider, t.payments.notifyUrl)
    await t.payments.localGateway?.notifier.deliverDue()
    expect(await refundsOf(t, [seat.orderId])).toEqual([
      { order_id: seat.orderId, amount_fen: TEAM_PRICE_FEN, status: 'succeeded' },
    ])
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'succeeded', paid_members: 2 })
  })

  it('holds buyers to the per-order and per-user limits and one unfinished team per activity', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 2, perOrderLimit: 1, perUserLimit: 1 })
    const [leader, member, other] = await buyers(t, 3)
    if (!leader || !member || !other) throw new Error('buyers')
    const tooMany = await leader.request({
      method: 'POST',
      url: `/api/promotions/shop/team-buys/${running.activityId}/teams`,
      payload: { quantity: 2, delivery: 'store_pickup', pickupLocationId: running.storeId },
    })
    expect(tooMany.statusCode).toBe(400)
    expect(fieldOf(tooMany.body)).toBe('quantity')

    const { teamId } = await openPaidTeam(t, running, leader)
    // One unfinished team per user per activity, whether opening another or joining one.
    const second = await openTeam(running, leader)
    expect(second.statusCode).toBe(409)
    expect(fieldOf(second.body)).toBe('activityId')
    const otherTeam = await openPaidTeam(t, running, other)
    const joinOther = await joinTeam(running, leader, otherTeam.teamId)
    expect(joinOther.statusCode).toBe(409)
    expect(fieldOf(joinOther.body)).toBe('teamId')
    const ownTeam = await joinTeam(running, leader, teamId)
    expect(ownTeam.statusCode).toBe(409)

    // Once the team is formed, the per-user limit (1 unit) still stands.
    await pay(t, (await joinTeam(running, member, teamId)).json<SeatTaken>())
    expect((await teamRow(t, teamId)).status).toBe('succeeded')
    const again = await joinTeam(running, leader, otherTeam.teamId)
    expect(again.statusCode).toBe(409)
    expect(fieldOf(again.body)).toBe('quantity')
  })

  it('lets only new customers open a team when the activity says so', async () => {
    const t = await ordersApp()
    const first = await runningActivity(t, { teamSize: 2 })
    const [veteran, newcomer] = await buyers(t, 2)
    if (!veteran || !newcomer) throw new Error('buyers')
    await openPaidTeam(t, first, veteran)
    const forNewcomers = await runningActivity(t, { teamSize: 2, newUserLeaderOnly: true })
    const refused = await openTeam(forNewcomers, veteran)
    expect(refused.statusCode).toBe(409)
    expect(fieldOf(refused.body)).toBe('activityId')
    expect((await openTeam(forNewcomers, newcomer)).statusCode).toBe(201)
  })

  it('counts share-link visits and the orders placed through them', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 3 })
    const [leader, friend] = await buyers(t, 2)
    if (!leader || !friend) throw new Error('buyers')
    const { teamId } = await openPaidTeam(t, running, leader)
    const team = (
      await t.app.inject({ method: 'GET', url: `/api/promotions/shop/teams/${teamId}` })
    ).json<{ shareCode: string }>()

    const visit = await friend.request({
      method: 'GET',
      url: `/api/promotions/shop/share/${team.shareCode}`,
    })
    expect(visit.json()).toMatchObject({
      promotionKind: 'team',
      teamId,
      activityId: running.activityId,
      visits: 1,
      path: `/h5/teams/${teamId}`,
    })
    const joined = await joinTeam(running, friend, teamId, `?share=${team.shareCode}`)
    expect(joined.statusCode, joined.body).toBe(201)
    await pay(t, joined.json<SeatTaken>())
    expect(
      await t.db
        .selectFrom('share_link')
        .select(['visits', 'orders', 'paid_orders'])
        .where('code', '=', team.shareCode)
        .executeTakeFirstOrThrow(),
    ).toEqual({ visits: 1, orders: 1, paid_orders: 1 })
    const seat = await t.db
      .selectFrom('team_seat')
      .select('share_code')
      .where('order_id', '=', joined.json<SeatTaken>().orderId)
      .executeTakeFirstOrThrow()
    expect(seat.share_code).toBe(team.shareCode)
    const report = await running.operator.request({
      method: 'GET',
      url: `/api/promotions/team-buys/${running.activityId}/report`,
    })
    // The activity's own link had no traffic; the team's is summed into the report.
    expect(report.json()).toMatchObject({ share: { visits: 1, orders: 1, paidOrders: 1 } })
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/promotions/shop/share/nosuchcode' }))
        .statusCode,
    ).toBe(404)
  })

  it('lets operators pause, change and resume an activity, and refuses joins while paused', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 2 })
    const [leader] = await buyers(t, 1)
    if (!leader) throw new Error('buyers')
    const url = `/api/promotions/team-buys/${running.activityId}`
    const whileActive = await running.operator.request({
      method: 'PATCH',
      url,
      payload: { teamPriceFen: 1500 },
    })
    expect(whileActive.statusCode).toBe(409)
    const paused = await running.operator.request({
      method: 'POST',
      url: `${url}/status`,
      payload: { status: 'paused' },
    })
    expect(paused.json()).toMatchObject({ status: 'paused' })
    const closed = await openTeam(running, leader)
    expect(closed.statusCode).toBe(409)
    expect(fieldOf(closed.body)).toBe('activityId')
    const tooDear = await running.operator.request({
      method: 'PATCH',
      url,
      payload: { teamPriceFen: 3000 },
    })
    expect(tooDear.statusCode).toBe(400)
    expect(fieldOf(tooDear.body)).toBe('teamPriceFen')
    const changed = await running.operator.request({
      method: 'PATCH',
      url,
      payload: { teamPriceFen: 1500 },
    })
    expect(changed.json()).toMatchObject({ teamPriceFen: 1500 })
    await running.operator.request({
      method: 'POST',
      url: `${url}/status`,
      payload: { status: 'active' },
    })
    const opened = await openTeam(running, leader)
    expect(opened.json<SeatTaken>().payment.amountFen).toBe(1500)
    // Consumers cannot manage activities.
    expect(
      (await leader.request({ method: 'GET', url: '/api/promotions/team-buys' })).statusCode,
    ).toBe(403)
  })
})
