import { describe, expect, it } from 'vitest'
import { systemActor } from '../../../platform/http/index.js'
import { runPaymentRound } from '../../commerce/index.js'
import { expireTeams } from './expire-teams.js'
import {
  applyPayment,
  buyers,
  hoursLater,
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
import { auditEntries, orderRows } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

describe('team buy (拼团, SVC-3)', () => {
  it('opens a team when the leader pays and forms it the moment the N-th member pays', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 3 })
    const [leader, second, third, late] = await buyers(t, 4)
    if (!leader || !second || !third || !late) throw new Error('buyers')

    const opened = await openTeam(running, leader)
    expect(opened.statusCode, opened.body).toBe(201)
    const leaderSeat = opened.json<SeatTaken>()
    expect(leaderSeat.payment.amountFen).toBe(TEAM_PRICE_FEN)
    // Invisible until the leader pays: neither listed nor readable by others.
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/promotions/shop/team-buys/${running.activityId}`,
    })
    expect(before.json<{ teams: unknown[] }>().teams).toEqual([])
    expect(
      (
        await second.request({
          method: 'GET',
          url: `/api/promotions/shop/teams/${leaderSeat.teamId}`,
        })
      ).statusCode,
    ).toBe(404)

    await pay(t, leaderSeat)
    const open = await teamRow(t, leaderSeat.teamId)
    expect(open).toMatchObject({ status: 'open', paid_members: 1, held_seats: 0 })
    expect(Date.parse(open.expires_at ?? '') - Date.parse(open.opened_at ?? '')).toBe(86_400_000)

    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/promotions/shop/team-buys?skuId=${running.skuId}`,
    })
    const [activity] = listed.json<
      {
        activity: { soloPriceFen: number; teamPriceFen: number }
        teams: { id: string; seatsLeft: number; secondsLeft: number; members: unknown[] }[]
        serverTime: string
      }[]
    >()
    expect(activity?.activity).toMatchObject({ soloPriceFen: 3000, teamPriceFen: TEAM_PRICE_FEN })
    expect(activity?.teams).toHaveLength(1)
    expect(activity?.teams[0]).toMatchObject({ id: leaderSeat.teamId, seatsLeft: 2 })
    expect(activity?.teams[0]?.secondsLeft).toBeGreaterThan(86_000)
    expect(activity?.teams[0]?.members).toEqual([
      expect.objectContaining({ nickname: '用**', isLeader: true, avatarUrl: null }),
    ])

    for (const member of [second, third]) {
      const joined = await joinTeam(running, member, leaderSeat.teamId)
      expect(joined.statusCode, joined.body).toBe(201)
      await pay(t, joined.json<SeatTaken>())
    }
    expect(await teamRow(t, leaderSeat.teamId)).toMatchObject({
      status: 'succeeded',
      paid_members: 3,
    })
    const full = await joinTeam(running, late, leaderSeat.teamId)
    expect(full.statusCode).toBe(409)
    expect(full.json<{ errors?: { field: string }[] }>()).toMatchObject({
      errors: [expect.objectContaining({ field: 'teamId' })],
    })

    const shown = (
      await late.request({ method: 'GET', url: `/api/promotions/shop/teams/${leaderSeat.teamId}` })
    ).json<{
      status: string
      members: { nickname: string }[]
      shareCode: string
      serverTime: string
    }>()
    expect(shown.status).toBe('succeeded')
    expect(shown.members).toHaveLength(3)
    expect(shown.shareCode).toMatch(/^[a-z0-9]{10}$/)

    const report = await running.operator.request({
      method: 'GET',
      url: `/api/promotions/team-buys/${running.activityId}/report`,
    })
    expect(report.json()).toMatchObject({
      teams: { succeeded: 1, open: 0, failed: 0, virtual_ok: 0 },
      paidMembers: 3,
      virtualMembers: 0,
      unitsSold: 3,
    })
    const audit = await auditEntries(t.db, { entityId: leaderSeat.teamId })
    expect(audit.map((entry) => entry.action)).toEqual(['team.open', 'team.succeeded'])
  })

  it('fails an expired team and refunds each paid member in full exactly once, however often the round runs', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 4 })
    const [leader, member, holder] = await buyers(t, 3)
    if (!leader || !member || !holder) throw new Error('buyers')
    const leaderSeat = await openPaidTeam(t, running, leader)
    const memberSeat = (await joinTeam(running, member, leaderSeat.teamId)).json<SeatTaken>()
    await pay(t, memberSeat)
    const unpaid = await joinTeam(running, holder, leaderSeat.teamId)
    expect(unpaid.statusCode).toBe(201)

    // Not yet due: nothing happens.
    expect(await expireTeams(t.db, t.promotionHooks, systemActor('test'), hoursLater(23))).toEqual({
      failed: 0,
      virtualOk: 0,
      refundsStarted: 0,
    })
    const rounds = await Promise.all([
      expireTeams(t.db, t.promotionHooks, systemActor('test'), hoursLater(25)),
      expireTeams(t.db, t.promotionHooks, systemActor('test'), hoursLater(25)),
    ])
    await expireTeams(t.db, t.promotionHooks, systemActor('test'), hoursLater(26))
    expect(rounds.reduce((sum, round) => sum + round.refundsStarted, 0)).toBe(2)
    expect((await teamRow(t, leaderSeat.teamId)).status).toBe('failed')

    const paidOrders = [leaderSeat.orderId, memberSeat.orderId]
    expect(await refundsOf(t, paidOrders)).toEqual(
      paidOrders
        .sort()
        .map((orderId) => ({ order_id: orderId, amount_fen: TEAM_PRICE_FEN, status: 'pending' })),
    )
    // The payment worker submits them to the original payment route; confirmed once each.
    await runPaymentRound(
      t.db,
      t.promotionHooks,
      t.payments.provider,
      t.payments.notifyUrl,
      hoursLater(26),
    )
    await runPaymentRound(
      t.db,
      t.promotionHooks,
      t.payments.provider,
      t.payments.notifyUrl,
      hoursLater(28),
    )
    await t.payments.localGateway?.notifier.deliverDue()
    expect(await refundsOf(t, paidOrders)).toEqual(
      paidOrders.map((orderId) => ({
        order_id: orderId,
        amount_fen: TEAM_PRICE_FEN,
        status: 'succeeded',
      })),
    )
    const orders = await orderRows(t.db, paidOrders)
    expect(orders.every((o) => o.status === 'refunded' && o.refunded_fen === TEAM_PRICE_FEN)).toBe(
      true,
    )
    // The member whose seat lapsed meanwhile pays after the team failed: refunded too, in full.
    expect(await applyPayment(t, unpaid.json<SeatTaken>())).toBe('paid-after-expiry')
    expect(await refundsOf(t, [unpaid.json<SeatTaken>().orderId])).toEqual([
      expect.objectContaining({ amount_fen: TEAM_PRICE_FEN }),
    ])
    expect((await seatsOf(t, leaderSeat.teamId)).map((seat) => seat.status).sort()).toEqual([
      'refunded',
      'refunded',
      'refunded',
    ])
  })

  it('fills a team virtually at expiry when the activity allows it and enough members paid', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 5, virtualFillMin: 2 })
    const [leader, member, lonely] = await buyers(t, 3)
    if (!leader || !member || !lonely) throw new Error('buyers')
    const filled = await openPaidTeam(t, running, leader)
    await pay(t, (await joinTeam(running, member, filled.teamId)).json<SeatTaken>())
    const alone = await openPaidTeam(t, running, lonely)

    expect(await expireTeams(t.db, t.promotionHooks, systemActor('test'), hoursLater(25))).toEqual({
      failed: 1,
      virtualOk: 1,
      refundsStarted: 1,
    })
    expect(await teamRow(t, filled.teamId)).toMatchObject({
      status: 'virtual_ok',
      paid_members: 2,
      virtual_members: 3,
    })
    expect((await teamRow(t, alone.teamId)).status).toBe('failed')
    const report = await running.operator.request({
      method: 'GET',
      url: `/api/promotions/team-buys/${running.activityId}/report`,
    })
    expect(report.json()).toMatchObject({
      teams: { virtual_ok: 1, failed: 1 },
      paidMembers: 3,
      virtualMembers: 3,
      virtualTeams: 1,
      refundedSeats: 1,
    })
  })
})
