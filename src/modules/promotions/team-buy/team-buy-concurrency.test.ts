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
  pay,
  refundsOf,
  runningActivity,
  seatsOf,
  teamRow,
  TEAM_PRICE_FEN,
  type SeatTaken,
} from './test-support.js'
import { auditEntries } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

// Property-style races, on SQLite and (TEST_DB=postgres) on PostgreSQL, where the requests
// really run at once through the connection pool.

describe('team buy under concurrency', () => {
  it.each([2, 4])(
    'never counts more than N = %i paid members, however many buyers race to join and pay',
    async (size) => {
      const t = await ordersApp()
      const running = await runningActivity(t, { teamSize: size })
      const people = await buyers(t, 1 + 6 * size)
      const [leader] = people
      if (!leader) throw new Error('buyers')
      const firstWave = people.slice(1, 1 + 3 * size)
      const secondWave = people.slice(1 + 3 * size)
      const { teamId } = await openPaidTeam(t, running, leader)

      // 3×N buyers race for the N − 1 free seats: exactly N − 1 are held, the rest refused.
      const first = await Promise.all(firstWave.map((buyer) => joinTeam(running, buyer, teamId)))
      expect(first.filter((r) => r.statusCode === 201)).toHaveLength(size - 1)
      expect(first.filter((r) => r.statusCode === 409)).toHaveLength(3 * size - (size - 1))
      expect(await teamRow(t, teamId)).toMatchObject({ paid_members: 1, held_seats: size - 1 })
      const lapsed = first.filter((r) => r.statusCode === 201).map((r) => r.json<SeatTaken>())

      // Nobody pays within the window: the seats go back and another 3×N race for them.
      await runPaymentRound(
        t.db,
        t.promotionHooks,
        t.payments.provider,
        t.payments.notifyUrl,
        new Date(Date.now() + 16 * 60_000).toISOString(),
      )
      expect(await teamRow(t, teamId)).toMatchObject({ paid_members: 1, held_seats: 0 })
      const second = await Promise.all(secondWave.map((buyer) => joinTeam(running, buyer, teamId)))
      const holders = second.filter((r) => r.statusCode === 201).map((r) => r.json<SeatTaken>())
      expect(holders).toHaveLength(size - 1)

      // The holders pay and the first wave's payers arrive late, all at once.
      await Promise.all([
        ...holders.map((seat) => pay(t, seat)),
        ...lapsed.map((seat) => applyPayment(t, seat)),
      ])
      expect(await teamRow(t, teamId)).toMatchObject({
        status: 'succeeded',
        paid_members: size,
        held_seats: 0,
      })
      const seats = await seatsOf(t, teamId)
      expect(seats.filter((seat) => seat.status === 'paid')).toHaveLength(size)
      const formed = await auditEntries(t.db, { entityId: teamId, action: 'team.succeeded' })
      expect(formed).toHaveLength(1)

      // Every late payer is refunded in full, once; nobody else is.
      const everyOrder = seats.map((seat) => seat.order_id)
      const refunds = await refundsOf(t, everyOrder)
      expect(refunds.map((refund) => refund.order_id).sort()).toEqual(
        lapsed.map((seat) => seat.orderId).sort(),
      )
      expect(refunds.every((refund) => refund.amount_fen === TEAM_PRICE_FEN)).toBe(true)
      // Expiry rounds later change nothing for a formed team.
      await expireTeams(t.db, t.promotionHooks, systemActor('test'), hoursLater(30))
      expect(await refundsOf(t, everyOrder)).toHaveLength(lapsed.length)
    },
  )

  it('keeps its invariants through random waves of joins, payments, lapses and late payments', async () => {
    const t = await ordersApp()
    const size = 3
    const running = await runningActivity(t, { teamSize: size })
    const people = await buyers(t, 13)
    const [leader, ...crowd] = people
    if (!leader) throw new Error('buyers')
    const { teamId } = await openPaidTeam(t, running, leader)
    // A seeded generator, so a failure replays.
    let seed = 20261202
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    const unpaid: SeatTaken[] = []
    let minutes = 0
    for (let wave = 0; wave < 4; wave += 1) {
      const joiners = crowd.filter(() => random() < 0.5)
      const joined = await Promise.all(joiners.map((buyer) => joinTeam(running, buyer, teamId)))
      const seats = joined.filter((r) => r.statusCode === 201).map((r) => r.json<SeatTaken>())
      const payers = seats.filter(() => random() < 0.4)
      const latePayers = unpaid.splice(0).filter(() => random() < 0.5)
      unpaid.push(...seats.filter((seat) => !payers.includes(seat)))
      await Promise.all([
        ...payers.map((seat) => pay(t, seat)),
        ...latePayers.map((seat) => applyPayment(t, seat)),
      ])
      minutes += 16
      await runPaymentRound(
        t.db,
        t.promotionHooks,
        t.payments.provider,
        t.payments.notifyUrl,
        new Date(Date.now() + minutes * 60_000).toISOString(),
      )
      const team = await teamRow(t, teamId)
      const rows = await seatsOf(t, teamId)
      expect(team.paid_members).toBeLessThanOrEqual(size)
      expect(team.paid_members + team.held_seats).toBeLessThanOrEqual(size)
      expect(rows.filter((seat) => seat.status === 'paid')).toHaveLength(team.paid_members)
      expect(rows.filter((seat) => seat.status === 'held')).toHaveLength(team.held_seats)
      expect(team.status).toBe(team.paid_members === size ? 'succeeded' : 'open')
      const refunds = await refundsOf(
        t,
        rows.map((seat) => seat.order_id),
      )
      expect(new Set(refunds.map((refund) => refund.order_id)).size).toBe(refunds.length)
      expect(refunds.map((refund) => refund.order_id).sort()).toEqual(
        rows
          .filter((seat) => seat.status === 'refunded')
          .map((seat) => seat.order_id)
          .sort(),
      )
    }
    await expireTeams(t.db, t.promotionHooks, systemActor('test'), hoursLater(30))
    const final = await teamRow(t, teamId)
    expect(['succeeded', 'failed']).toContain(final.status)
    const rows = await seatsOf(t, teamId)
    const refunds = await refundsOf(
      t,
      rows.map((seat) => seat.order_id),
    )
    // Whoever paid and did not end up in a formed team got exactly one full refund.
    expect(refunds.every((refund) => refund.amount_fen === TEAM_PRICE_FEN)).toBe(true)
    expect(new Set(refunds.map((refund) => refund.order_id)).size).toBe(refunds.length)
    if (final.status === 'failed')
      expect(rows.filter((seat) => seat.status === 'paid')).toHaveLength(0)
  })

  it('refunds each paid member of a failed team exactly once when expiry rounds run concurrently', async () => {
    const t = await ordersApp()
    const size = 6
    const running = await runningActivity(t, { teamSize: size })
    const people = await buyers(t, size - 1)
    const [leader, ...members] = people
    if (!leader) throw new Error('buyers')
    const { teamId } = await openPaidTeam(t, running, leader)
    const joined = await Promise.all(members.map((buyer) => joinTeam(running, buyer, teamId)))
    const seats = joined.map((r) => r.json<SeatTaken>())
    await Promise.all(seats.map((seat) => pay(t, seat)))
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'open', paid_members: size - 1 })

    const rounds = await Promise.all(
      Array.from({ length: 4 }, () =>
        expireTeams(t.db, t.promotionHooks, systemActor('test'), hoursLater(25)),
      ),
    )
    expect(rounds.reduce((sum, round) => sum + round.failed, 0)).toBe(1)
    expect(rounds.reduce((sum, round) => sum + round.refundsStarted, 0)).toBe(size - 1)
    const orderIds = (await seatsOf(t, teamId)).map((seat) => seat.order_id)
    const refunds = await refundsOf(t, orderIds)
    expect(refunds).toHaveLength(size - 1)
    expect(new Set(refunds.map((refund) => refund.order_id)).size).toBe(size - 1)
    expect(refunds.every((refund) => refund.amount_fen === TEAM_PRICE_FEN)).toBe(true)
  })
})
