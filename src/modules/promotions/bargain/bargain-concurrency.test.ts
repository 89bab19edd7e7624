import { describe, expect, it } from 'vitest'
import { consumers, hoursFromNow, storeSku } from './test-support.js'
import { auditEntries } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

// Property-style races, on SQLite and (TEST_DB=postgres) on PostgreSQL, where the requests
// really run at once through the connection pool.

describe('砍价 under concurrency', () => {
  it.each([
    { helpers: 3, originalFen: 1_000, floorFen: 0 },
    { helpers: 8, originalFen: 12_900, floorFen: 3_000 },
    { helpers: 12, originalFen: 100, floorFen: 88 },
  ])(
    'concurrent helps by $helpers friends (and more) cut exactly original − floor, each cut once',
    async ({ helpers, originalFen, floorFen }) => {
      const t = await ordersApp()
      const { skuId, operator } = await storeSku(t)
      const created = await operator.request({
        method: 'POST',
        url: '/api/promotions/bargains',
        payload: {
          skuId,
          title: '并发砍价',
          originalPriceFen: originalFen,
          floorPriceFen: floorFen,
          helpersNeeded: helpers,
          stock: 5,
          perUserLaunchLimit: 1,
          helperDailyQuota: 5,
          buyBeforeFloor: false,
          startsAt: hoursFromNow(-1),
          endsAt: hoursFromNow(48),
        },
      })
      expect(created.statusCode, created.body).toBe(201)
      const [launcher, ...friends] = await consumers(t, 1 + helpers + 3)
      if (!launcher) throw new Error('consumers')
      const launched = await launcher.request({
        method: 'POST',
        url: `/api/promotions/shop/bargain-activities/${created.json<{ id: string }>().id}/bargains`,
      })
      expect(launched.statusCode, launched.body).toBe(201)
      const bargainId = launched.json<{ id: string }>().id

      const answers = await Promise.all(
        friends.map((friend) =>
          friend.request({
            method: 'POST',
            url: `/api/promotions/shop/bargains/${bargainId}/help`,
          }),
        ),
      )
      expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(helpers)
      expect(answers.filter((r) => r.statusCode === 409)).toHaveLength(3)

      const helps = await t.db
        .selectFrom('bargain_help')
        .select(['cut_index', 'cut_fen'])
        .where('bargain_id', '=', bargainId)
        .orderBy('cut_index')
        .execute()
      const bargain = await t.db
        .selectFrom('bargain')
        .selectAll()
        .where('id', '=', bargainId)
        .executeTakeFirstOrThrow()
      expect(helps.map((h) => h.cut_index)).toEqual(Array.from({ length: helpers }, (_, i) => i))
      expect(helps.map((h) => h.cut_fen)).toEqual(JSON.parse(bargain.cuts_json))
      expect(helps.reduce((sum, h) => sum + h.cut_fen, 0)).toBe(originalFen - floorFen)
      expect(bargain).toMatchObject({
        status: 'floor_reached',
        helps_done: helpers,
        current_price_fen: floorFen,
      })
      const reached = await auditEntries(t.db, {
        entityId: bargainId,
        action: 'bargain.floor_reached',
      })
      expect(reached).toHaveLength(1)
    },
  )
})
