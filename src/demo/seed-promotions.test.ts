import { describe, expect, it } from 'vitest'
import { createTestDb } from '../test/test-db.js'
import { seedDemoData } from './seed.js'

describe('demo promotions', () => {
  it('runs one of each promotion and shows offline events, two already held (SVC-3, SVC-4)', async () => {
    const { db, destroy } = await createTestDb()
    try {
      await seedDemoData(db, { promotions: true })
      const now = new Date().toISOString()
      const statuses = async (table: 'team_activity' | 'bulk_campaign' | 'bargain_activity') =>
        (await db.selectFrom(table).select('status').execute()).map((r) => r.status)
      expect(await statuses('team_activity')).toEqual(['active'])
      expect(await statuses('bulk_campaign')).toEqual(['open'])
      expect(await statuses('bargain_activity')).toEqual(['active'])
      const flash = await db.selectFrom('flash_session').select(['status', 'starts_at']).execute()
      expect(flash).toEqual([{ status: 'scheduled', starts_at: expect.any(String) as string }])
      expect(flash[0]?.starts_at.slice(11, 16)).toBe('12:00') // 20:00 Beijing time
      const events = await db
        .selectFrom('promotion_event')
        .select(['status', 'starts_at'])
        .execute()
      const held = events.filter((e) => e.status === 'held')
      expect(held).toHaveLength(2)
      expect(held.every((e) => e.starts_at < now)).toBe(true)
      expect(events.filter((e) => e.status === 'planned' && e.starts_at > now)).toHaveLength(1)
    } finally {
      await destroy()
    }
  })
})
