import { describe, expect, it } from 'vitest'
import {
  SHANGHAI_UTC_OFFSET,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiDayStartMs,
  shanghaiMonthBounds,
  shanghaiWallTime,
} from './clock.js'

describe('Shanghai time', () => {
  it('starts a Shanghai day at 16:00 UTC the evening before', () => {
    expect(shanghaiDate('2026-11-28T15:59:59.999Z')).toBe('2026-11-28')
    expect(shanghaiDate('2026-11-28T16:00:00.000Z')).toBe('2026-11-29')
    expect(shanghaiDate(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01')
    expect(new Date(shanghaiDayStartMs('2026-11-29')).toISOString()).toBe(
      '2026-11-28T16:00:00.000Z',
    )
  })

  it('shows an instant as the wall clock in Shanghai', () => {
    expect(shanghaiWallTime('2026-11-28T14:00:00.250Z')).toBe('2026-11-28T22:00:00.250')
    expect(shanghaiDateTime('2026-11-28T15:59:59Z')).toBe('2026-11-28 23:59')
    expect(shanghaiDateTime('2026-11-28T16:00:00Z')).toBe('2026-11-29 00:00')
  })

  it('reads back its own wall clock with the offset', () => {
    const instant = '2026-03-01T03:04:05.678Z'
    expect(new Date(`${shanghaiWallTime(instant)}${SHANGHAI_UTC_OFFSET}`).toISOString()).toBe(
      instant,
    )
  })

  it('bounds a Shanghai month in UTC, end exclusive, across a year end', () => {
    expect(shanghaiMonthBounds('2026-12')).toEqual({
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    })
  })
})
