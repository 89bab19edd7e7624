import { expect } from 'vitest'
import { systemActor } from '../../../platform/http/index.js'
import { applyPaymentEvent } from '../../commerce/index.js'
import { demoLocations, sellableSku, signInCustomer } from '../../commerce/orders/test-support.js'
import type { Client, TestApp } from '../../../test/test-app.js'
import { refundRows } from '../../../test/inspect.js'

// Set-up shared by the 拼团 tests (tests only): a running activity, buyers, and paying.

export const SOLO_PRICE_FEN = 3000
export const TEAM_PRICE_FEN = 1990

export interface Running {
  activityId: string
  skuId: string
  storeId: string
  operator: Client
}

export async function runningActivity(
  t: TestApp,
  terms: {
    teamSize: number
    stock?: number
    perOrderLimit?: number
    perUserLimit?: number
    virtualFillMin?: number | null
    newUserLeaderOnly?: boolean
    ttlS?: number
    endsAt?: string
  },
): Promise<Running> {
  const places = await demoLocations(t.db)
  const { skuId } = await sellableSku(t, {
    priceFen: SOLO_PRICE_FEN,
    stock: 500,
    locationId: places.storeId,
  })
  const operator = await t.logIn('operator')
  const created = await operator.request({
    method: 'POST',
    url: '/api/promotions/team-buys',
    payload: {
      skuId,
      title: '小米拼团',
      teamPriceFen: TEAM_PRICE_FEN,
      teamSize: terms.teamSize,
      ttlS: terms.ttlS ?? 86400,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: terms.endsAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString(),
      stock: terms.stock ?? 200,
      perOrderLimit: terms.perOrderLimit ?? 2,
      perUserLimit: terms.perUserLimit ?? 10,
      newUserLeaderOnly: terms.newUserLeaderOnly ?? false,
      virtualFillMin: terms.virtualFillMin ?? null,
    },
  })
  expect(created.statusCode, created.body).toBe(201)
  const activityId = created.json<{ id: string }>().id
  const activated = await operator.request({
    method: 'POST',
    url: `/api/promotions/team-buys/${activityId}/status`,
    payload: { status: 'active' },
  })
  expect(activated.statusCode, activated.body).toBe(200)
  return { activityId, skuId, storeId: places.storeId, operator }
}

let phoneCounter = 0

/** Signed-in consumers with fresh numbers. */
export async function buyers(t: TestApp, count: number): Promise<Client[]> {
  const clients: Client[] = []
  for (let i = 0; i < count; i += 1) {
    phoneCounter += 1
    clients.push(await signInCustomer(t, `1390${String(phoneCounter).padStart(7, '0')}`))
  }
  return clients
}

export interface SeatTaken {
  teamId: string
  seatId: string
  orderId: string
  payment: { id: string; outTradeNo: string; amountFen: number; expiresAt: string }
  action: { kind: string; url: string } | null
}

export const openTeam = (running: Running, buyer: Client, query = '') =>
  buyer.request({
    method: 'POST',
    url: `/api/promotions/shop/team-buys/${running.activityId}/teams${query}`,
    payload: { quantity: 1, delivery: 'store_pickup', pickupLocationId: running.storeId },
  })

export const joinTeam = (running: Running, buyer: Client, teamId: string, query = '') =>
  buyer.request({
    method: 'POST',
    url: `/api/promotions/shop/teams/${teamId}/join${query}`,
    payload: { quantity: 1, delivery: 'store_pickup', pickupLocationId: running.storeId },
  })

export async function openPaidTeam(t: TestApp, running: Running, leader: Client) {
  const opened = await openTeam(running, leader)
  expect(opened.statusCode, opened.body).toBe(201)
  const seat = opened.json<SeatTaken>()
  await pay(t, seat)
  expect((await teamRow(t, seat.teamId)).status).toBe('open')
  return seat
}

/**
 * Pays on the local pay page and applies the provider's word at once, in its own transaction
 * (the callback the gateway sends as well is then a duplicate): concurrent calls really run
 * concurrently on PostgreSQL.
 */
export async function pay(t: TestApp, seat: SeatTaken): Promise<void> {
  const token = seat.action?.url.split('/').pop() ?? ''
  const confirmed = await t.app.inject({
    method: 'POST',
    url: `/api/commerce/shop/local-pay/${token}/confirm`,
  })
  expect(confirmed.statusCode, confirmed.body).toBe(200)
  expect(['paid', 'duplicate', 'already-settled']).toContain(await applyPayment(t, seat))
  await t.payments.localGateway?.notifier.deliverDue()
}

/** What a provider reports when the payer paid a URL we had already given up on (Alipay can). */
export const applyPayment = (t: TestApp, seat: SeatTaken, occurredAt = new Date().toISOString()) =>
  t.db.transaction().execute((trx) =>
    applyPaymentEvent(trx, t.promotionHooks, systemActor('test'), 'local', {
      kind: 'payment.succeeded',
      outTradeNo: seat.payment.outTradeNo,
      providerTransactionId: `T${seat.payment.outTradeNo}`,
      amountFen: seat.payment.amountFen,
      occurredAt,
    }),
  )

export const teamRow = (t: TestApp, teamId: string) =>
  t.db.selectFrom('team').selectAll().where('id', '=', teamId).executeTakeFirstOrThrow()

export const seatsOf = (t: TestApp, teamId: string) =>
  t.db
    .selectFrom('team_seat')
    .select(['user_id', 'status', 'order_id', 'is_leader'])
    .where('team_id', '=', teamId)
    .execute()

export const refundsOf = (t: TestApp, orderIds: string[]) => refundRows(t.db, orderIds)

export const hoursLater = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()
