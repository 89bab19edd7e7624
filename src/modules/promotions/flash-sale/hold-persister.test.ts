import { describe, expect, it } from 'vitest'
import { createTestDb } from '../../../test/test-db.js'
import { auditEntries } from '../../../test/inspect.js'
import type { Client, TestApp } from '../../../test/test-app.js'
import { signInCustomer } from '../../commerce/orders/test-support.js'
import { persistAdmissions } from './hold-persister.js'
import { Redis } from 'ioredis'
import {
  flashContext,
  flashTestApp,
  minutesFromNow,
  openSession,
  type OpenSession,
} from './test-support.js'
import { runFlashSaleRound } from './worker.js'

// Issue 14: with Redis the stream is the record of an admission until its hold is in the
// database. A persister that dies before its commit leaves the admissions for the next round; one
// that dies after the commit but before trimming the stream has them read again, and skipped.

async function admitThree(t: TestApp, sale: OpenSession): Promise<string[]> {
  const ids: string[] = []
  for (const phone of ['13900007001', '13900007002', '13900007003']) {
    const buyer: Client = await signInCustomer(t, phone)
    const answer = await buyer.request({
      method: 'POST',
      url: `/api/promotions/shop/flash-sales/${sale.sessionId}/admissions`,
      payload: { skuId: sale.skuId, quantity: 1 },
    })
    expect(answer.statusCode, answer.body).toBe(201)
    ids.push(answer.json<{ id: string }>().id)
  }
  return ids.sort()
}

const holdIds = async (t: TestApp) =>
  (await t.db.selectFrom('flash_hold').select('id').orderBy('id').execute()).map((h) => h.id)

describe('the hold persister (Redis)', () => {
  it('loses nothing when its write fails: the admissions stay on the stream for the next round', async () => {
    const t = await flashTestApp('redis')
    const sale = await openSession(t, { stock: 5 })
    const admitted = await admitThree(t, sale)
    const stock = flashContext('redis', t).redisStock
    if (!stock) throw new Error('no Redis stock')

    // A write that cannot commit (here: a database that knows no such session), as a crash would.
    const elsewhere = await createTestDb()
    try {
      await expect(persistAdmissions(elsewhere.db, stock)).rejects.toThrow()
    } finally {
      await elsewhere.destroy()
    }
    expect(await holdIds(t)).toEqual([])

    expect(await persistAdmissions(t.db, stock)).toBe(3)
    expect(await holdIds(t)).toEqual(admitted)
  })

  it('writes a hold once when the stream is read again after a commit it did not trim', async () => {
    const t = await flashTestApp('redis')
    const sale = await openSession(t, { stock: 5 })
    const admitted = await admitThree(t, sale)
    const stock = flashContext('redis', t).redisStock
    if (!stock) throw new Error('no Redis stock')

    // persistStream writes without trimming: what a persister leaves when killed after its commit.
    expect(await stock.persistStream(t.db, sale.sessionId)).toBe(3)
    expect(await persistAdmissions(t.db, stock)).toBe(0)
    expect(await persistAdmissions(t.db, stock)).toBe(0)

    expect(await holdIds(t)).toEqual(admitted)
    const buyers = await t.db.selectFrom('flash_buyer').select('units').execute()
    expect(buyers.map((b) => b.units)).toEqual([1, 1, 1])
    expect((await auditEntries(t.db, { action: 'flash_hold.held' })).length).toBe(3)
    expect(await stock.admissions(sale.sessionId, 10)).toEqual([])
  })

  it('drops an ended session from its list, never one listed and not loaded yet', async () => {
    const t = await flashTestApp('redis')
    const sale = await openSession(t, { stock: 5 })
    const context = flashContext('redis', t)
    const stock = context.redisStock
    if (!stock) throw new Error('no Redis stock')
    // Listed but not loaded: what a session is between its listing and its load (or after Redis
    // lost it). Dropping it then would leave its coming admissions unwritten.
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
    try {
      for (const key of await redis.keys(`*flash:{${sale.sessionId}}:meta`)) await redis.del(key)
    } finally {
      await redis.quit()
    }
    expect(await stock.hasAdmissions()).toBe(false)
    expect(await stock.sessionsWithAdmissions()).toContain(sale.sessionId)

    expect(await runFlashSaleRound(t.db, context, minutesFromNow(61))).toMatchObject({ ended: 1 })
    await stock.hasAdmissions()
    expect(await stock.sessionsWithAdmissions()).not.toContain(sale.sessionId)
  })
})
