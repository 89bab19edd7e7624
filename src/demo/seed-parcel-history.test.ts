import { describe, expect, it } from 'vitest'
import { replayScans, type ScanType } from '../modules/logistics/index.js'
import { createTestDb } from '../test/test-db.js'
import { seedDemoData } from './seed.js'

describe('demo parcel history', () => {
  it('writes two weeks of parcels whose statuses follow from their scans, none in the future', async () => {
    const { db, destroy } = await createTestDb()
    try {
      await seedDemoData(db, { parcelHistory: true })
      const parcels = await db
        .selectFrom('parcel')
        .select(['id', 'status', 'received_at', 'arrived_at', 'due_at'])
        .execute()
      expect(parcels.length).toBeGreaterThan(1000)
      const events = await db
        .selectFrom('scan_event')
        .select(['parcel_id', 'type', 'at'])
        .orderBy('at')
        .execute()
      const trail = new Map<string, ScanType[]>()
      for (const e of events) trail.set(e.parcel_id, [...(trail.get(e.parcel_id) ?? []), e.type])
      const now = new Date().toISOString()
      expect(events.every((e) => e.at <= now)).toBe(true)
      for (const p of parcels)
        expect(replayScans(trail.get(p.id) ?? [])).toEqual({ status: p.status })
      const decided = parcels.filter((p) => p.arrived_at !== null || (p.due_at ?? '') < now)
      const onTime = decided.filter(
        (p) => p.arrived_at !== null && p.arrived_at <= (p.due_at ?? ''),
      )
      expect(onTime.length / decided.length).toBeGreaterThan(0.8)
      expect(onTime.length / decided.length).toBeLessThan(0.97)
    } finally {
      await destroy()
    }
  })
})
