import { describe, expect, it } from 'vitest'
import { replayScans, statusAfterScan } from './parcel-status.js'

describe('parcel status from scans (LOG-5)', () => {
  it('follows a parcel from the hub to the recipient', () => {
    expect(
      replayScans(['received', 'sorted', 'loaded', 'departed', 'arrived', 'picked_up']),
    ).toEqual({ status: 'picked_up' })
  })

  it('refuses a pickup before the parcel reached the station', () => {
    expect(statusAfterScan('in_transit', 'picked_up')).toBeNull()
    expect(replayScans(['received', 'sorted', 'picked_up'])).toEqual({ invalidAt: 2 })
  })

  it('refuses the same step twice', () => {
    expect(replayScans(['received', 'received'])).toEqual({ invalidAt: 1 })
  })

  it('allows a return from the station but not after pickup', () => {
    expect(
      replayScans(['received', 'sorted', 'loaded', 'departed', 'arrived', 'returned']),
    ).toEqual({ status: 'returned' })
    expect(statusAfterScan('picked_up', 'returned')).toBeNull()
  })
})
