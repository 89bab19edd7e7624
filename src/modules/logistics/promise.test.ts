import { describe, expect, it } from 'vitest'
import { periodOf, summarisePromise } from './promise.js'

const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3600000).toISOString()

describe('72-hour promise (LOG-6, KPI-1)', () => {
  it('counts on-time, late, overdue and pending parcels by day of receipt in Shanghai time', () => {
    const day1 = '2026-11-01T02:00:00.000Z' // 10:00 in Shanghai, 1 November
    const day2 = '2026-11-01T17:00:00.000Z' // 01:00 in Shanghai, 2 November
    const now = hours(day2, 80)
    const parcels = [
      { receivedAt: day1, dueAt: hours(day1, 72), arrivedAt: hours(day1, 71) },
      { receivedAt: day1, dueAt: hours(day1, 72), arrivedAt: hours(day1, 72) }, // exactly on the hour counts as on time
      { receivedAt: day1, dueAt: hours(day1, 72), arrivedAt: hours(day1, 73) },
      { receivedAt: day1, dueAt: hours(day1, 72), arrivedAt: null }, // overdue
      { receivedAt: day2, dueAt: hours(day2, 72), arrivedAt: hours(day2, 10) },
      { receivedAt: hours(now, -5), dueAt: hours(now, 67), arrivedAt: null }, // pending
    ]
    const summary = summarisePromise(parcels, 'day', now)
    expect(summary).toEqual([
      {
        period: '2026-11-01',
        received: 4,
        arrivedOnTime: 2,
        arrivedLate: 1,
        overdue: 1,
        pending: 0,
        onTimeRate: 0.5,
      },
      {
        period: '2026-11-02',
        received: 1,
        arrivedOnTime: 1,
        arrivedLate: 0,
        overdue: 0,
        pending: 0,
        onTimeRate: 1,
      },
      {
        period: '2026-11-05',
        received: 1,
        arrivedOnTime: 0,
        arrivedLate: 0,
        overdue: 0,
        pending: 1,
        onTimeRate: null,
      },
    ])
  })

  it('names ISO weeks and months in Shanghai time', () => {
    expect(periodOf('2026-12-31T17:00:00.000Z', 'month')).toBe('2027-01')
    expect(periodOf('2026-11-28T03:00:00.000Z', 'week')).toBe('2026-W48')
    expect(periodOf('2027-01-01T03:00:00.000Z', 'week')).toBe('2026-W53')
    expect(periodOf('2026-01-01T03:00:00.000Z', 'week')).toBe('2026-W01')
  })
})
