import { describe, expect, it } from 'vitest'
import type { Client, TestApp } from '../../../test/test-app.js'
import { auditEntries } from '../../../test/inspect.js'
import { persistAdmissions } from './hold-persister.js'
import { signInCustomer } from '../../commerce/orders/test-support.js'
import { flashContext, flashTestApp, openSession } from './test-support.js'
import { newId } from '../../../shared/ids.js'

// Admission under a crowd: a flash sale of S units and 10×S buyers at once sells exactly S, on
// SQLite and PostgreSQL (database admission) and through Redis (one Lua script).

const phone = (i: number) => `1390000${String(i).padStart(4, '0')}`

describe.each(['database', 'redis'] as const)('flash sale admission (%s)', (mode) => {
  it('sells exactly S units to 10×S concurrent buyers, nobody over the limit', async () => {
    const t = await flashTestApp(mode)
    const S = 6
    const { sessionId, skuId } = await openSession(t, { stock: S })
    const buyers: Client[] = []
    for (let i = 0; i < 10 * S; i += 1) buyers.push(await signInCustomer(t, phone(i)))
    // Every buyer tries twice at once: the second is over the limit of one, whoever wins.
    const answers = await Promise.all(
      [...buyers, ...buyers].map((buyer) =>
        buyer.request({
          method: 'POST',
          url: `/api/promotions/shop/flash-sales/${sessionId}/admissions`,
          payload: { skuId, quantity: 1 },
        }),
      ),
    )
    const statuses = answers.map((a) => a.statusCode)
    expect(statuses.filter((s) => s === 201)).toHaveLength(S)
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([])
    if (mode === 'redis') await persistInRedisMode(t, answers)
    const holds = await t.db.selectFrom('flash_hold').selectAll().execute()
    expect(holds).toHaveLength(S)
    expect(new Set(holds.map((h) => h.user_id)).size).toBe(S)
    const counted = await t.db
      .selectFrom('flash_session')
      .innerJoin('flash_sku', 'flash_sku.session_id', 'flash_session.id')
      .select(['stock_in_redis', 'stock_left'])
      .executeTakeFirstOrThrow()
    // With Redis the database's count waits for the end of the session; without, it is exact.
    expect(counted).toEqual(
      mode === 'redis'
        ? { stock_in_redis: 1, stock_left: S }
        : { stock_in_redis: 0, stock_left: 0 },
    )
    const buyerRows = await t.db.selectFrom('flash_buyer').selectAll().execute()
    expect(buyerRows.every((b) => b.units <= 1)).toBe(true)

    const listed = await t.app.inject({ method: 'GET', url: '/api/promotions/shop/flash-sales' })
    const session = listed.json<{
      serverTime: string
      sessions: { id: string; soldOut: boolean; skus: { stockLeft: number }[] }[]
    }>().sessions[0]
    expect(session).toMatchObject({ id: sessionId, soldOut: true, skus: [{ stockLeft: 0 }] })
  })

  it('answers 409 sold out, already bought and not open, and 400 naming the field', async () => {
    const t = await flashTestApp(mode)
    const { sessionId, skuId, operator } = await openSession(t, { stock: 1 })
    const [first, second] = [
      await signInCustomer(t, '13900001111'),
      await signInCustomer(t, '13900002222'),
    ]
    const admit = (buyer: Client | undefined, payload: object) =>
      (buyer as Client).request({
        method: 'POST',
        url: `/api/promotions/shop/flash-sales/${sessionId}/admissions`,
        payload,
      })
    expect((await admit(first, { skuId, quantity: 2 })).statusCode).toBe(400)
    expect((await admit(first, { skuId, quantity: 1 })).statusCode).toBe(201)
    const again = await admit(first, { skuId, quantity: 1 })
    expect(again.statusCode).toBe(409)
    const soldOut = await admit(second, { skuId, quantity: 1 })
    expect(soldOut.statusCode).toBe(409)
    expect(soldOut.json()).toMatchObject({ detail: 'sold out' })
    const unknown = await admit(second, { skuId: newId(), quantity: 1 })
    expect(unknown.statusCode).toBe(400)

    const paused = await operator.request({
      method: 'POST',
      url: `/api/promotions/flash-sales/${sessionId}/pause`,
    })
    expect(paused.json()).toMatchObject({ status: 'paused' })
    const closed = await admit(second, { skuId: newId(), quantity: 1 })
    expect(closed.statusCode).toBe(409)
  })
})

/**
 * With Redis the buyers have their answers before the database has a hold: each can see it at
 * once, and the persister writes each exactly once, with its audit entry, however often it runs.
 */
async function persistInRedisMode(t: TestApp, answers: { statusCode: number; body: string }[]) {
  expect(await holdCount(t)).toBe(0)
  const admitted = answers.filter((a) => a.statusCode === 201)
  const first = JSON.parse(admitted[0]?.body ?? '{}') as { id: string; status: string }
  expect(first.status).toBe('held')
  const stock = flashContext('redis', t).redisStock
  if (!stock) throw new Error('no Redis stock')
  expect(await persistAdmissions(t.db, stock)).toBe(admitted.length)
  expect(await persistAdmissions(t.db, stock)).toBe(0)
  expect(await holdCount(t)).toBe(admitted.length)
  const audited = await auditEntries(t.db, { action: 'flash_hold.held' })
  expect(audited.map((entry) => entry.entity_id).sort()).toEqual(
    admitted.map((a) => (JSON.parse(a.body) as { id: string }).id).sort(),
  )
}

const holdCount = async (t: TestApp) =>
  (await t.db.selectFrom('flash_hold').select('id').execute()).length

describe('flash sale sessions', () => {
  it('refuses a sale price at or above the normal price, more stock than the warehouse has, and an end before the start', async () => {
    const t = await flashTestApp('database')
    const { skuId, operator } = await openSession(t, { stock: 2 })
    const create = (sku: object, endsAt = '2030-01-02T00:00:00Z') =>
      operator.request({
        method: 'POST',
        url: '/api/promotions/flash-sales',
        payload: {
          title: '再来一场',
          startsAt: '2030-01-01T00:00:00Z',
          endsAt,
          skus: [{ skuId, salePriceFen: 990, stock: 1, ...sku }],
        },
      })
    const field = async (response: Promise<{ statusCode: number; json: () => unknown }>) => {
      const answer = await response
      expect(answer.statusCode).toBe(400)
      return JSON.stringify(answer.json())
    }
    expect(await field(create({ salePriceFen: 2000 }))).toContain('skus/0/salePriceFen')
    expect(await field(create({ stock: 1000 }))).toContain('skus/0/stock')
    expect(await field(create({}, '2029-12-31T00:00:00Z'))).toContain('endsAt')
    const buyer = await signInCustomer(t, '13900003333')
    const forbidden = await buyer.request({ method: 'GET', url: '/api/promotions/flash-sales' })
    expect(forbidden.statusCode).toBe(403)
  })
})
