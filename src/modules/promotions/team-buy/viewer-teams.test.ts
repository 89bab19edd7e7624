import { describe, expect, it } from 'vitest'
import { type Client, type TestApp } from '../../../test/test-app.js'
import type { MyTeam, TeamWithViewer } from './schema.js'
import { buyers, joinTeam, openPaidTeam, runningActivity, type SeatTaken } from './test-support.js'
import { ordersApp } from '../../../test/fixtures.js'

// SVC-3 拼团: a team page that knows the viewer's seat, and 我的拼团 (only one's own teams).

const teamAs = async (t: TestApp, teamId: string, viewer?: Client) => {
  const url = `/api/promotions/shop/teams/${teamId}`
  const res = viewer ? await viewer.request({ url }) : await t.app.inject({ url })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<TeamWithViewer>()
}

const myTeams = async (viewer: Client) => {
  const res = await viewer.request({ url: '/api/promotions/shop/my/teams' })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ items: MyTeam[]; total: number }>()
}

describe('拼团 viewer seat and my teams (SVC-3)', () => {
  it("shows a seat holder their seat and order, and nobody else's", async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 3 })
    const [leader, member, stranger] = (await buyers(t, 3)) as [Client, Client, Client]
    const led = await openPaidTeam(t, running, leader)
    const joined = await joinTeam(running, member, led.teamId)
    expect(joined.statusCode, joined.body).toBe(201)
    const seat = joined.json<SeatTaken>()

    expect((await teamAs(t, led.teamId, leader)).viewerSeat).toEqual({
      status: 'paid',
      orderId: led.orderId,
      isLeader: true,
    })
    expect((await teamAs(t, led.teamId, member)).viewerSeat).toEqual({
      status: 'held',
      orderId: seat.orderId,
      isLeader: false,
    })
    expect((await teamAs(t, led.teamId, stranger)).viewerSeat).toBeNull()
    expect((await teamAs(t, led.teamId)).viewerSeat).toBeNull()
  })

  it('lists only my own teams, newest first, with the product and my order', async () => {
    const t = await ordersApp()
    const running = await runningActivity(t, { teamSize: 2 })
    const other = await runningActivity(t, { teamSize: 3 })
    const [me, someone] = (await buyers(t, 2)) as [Client, Client]
    const first = await openPaidTeam(t, running, me)
    const theirs = await openPaidTeam(t, other, someone)
    const second = await joinTeam(other, me, theirs.teamId)
    expect(second.statusCode, second.body).toBe(201)
    const joined = second.json<SeatTaken>()

    const mine = await myTeams(me)
    expect(mine.total).toBe(2)
    expect(mine.items.map((team) => [team.teamId, team.seat.orderId, team.seat.isLeader])).toEqual([
      [theirs.teamId, joined.orderId, false],
      [first.teamId, first.orderId, true],
    ])
    expect(mine.items[1]).toMatchObject({
      activityTitle: '小米拼团',
      productTitle: '黄小米',
      spec: '2.5kg',
      teamStatus: 'open',
      paidMembers: 1,
      size: 2,
    })
    expect((await myTeams(someone)).items.map((team) => team.teamId)).toEqual([theirs.teamId])
    const signedOut = await t.app.inject({ url: '/api/promotions/shop/my/teams' })
    expect(signedOut.statusCode).toBe(401)
  })
})
