import { shanghaiDate, shanghaiDayStartMs } from '../../shared/clock.js'
import type { Db } from '../../db/database.js'
import type { Scope } from '../../platform/access/index.js'
import { parcelsInScope } from './parcel-views.js'
import type { PromisePeriod } from './schema.js'

// LOG-6 / KPI-1: every parcel's clock runs from hub receipt to arrival at its station. Rates
// are computed from those two scan times, never typed in.

export type Granularity = 'day' | 'week' | 'month'

/** Shanghai calendar date → the UTC instant of its midnight. */
const shanghaiMidnightUtc = (date: string): string =>
  new Date(shanghaiDayStartMs(date)).toISOString()

/** The period an instant falls in, in Asia/Shanghai: 2026-11-28, 2026-W48 or 2026-11. */
export function periodOf(iso: string, granularity: Granularity): string {
  const day = shanghaiDate(iso)
  const local = new Date(`${day}T00:00:00Z`)
  if (granularity === 'day') return day
  if (granularity === 'month') return day.slice(0, 7)
  // ISO week: the week belongs to the year of its Thursday.
  const thursday = new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()),
  )
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7))
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4))
  const week =
    1 +
    Math.round(
      (thursday.getTime() - firstThursday.getTime()) / (7 * 86400000) -
        3 / 7 +
        ((firstThursday.getUTCDay() + 6) % 7) / 7,
    )
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

export interface ClockedParcel {
  receivedAt: string
  dueAt: string
  arrivedAt: string | null
}

/** Counts per period of receipt; `now` decides which unarrived parcels are already overdue. */
export function summarisePromise(
  parcels: readonly ClockedParcel[],
  granularity: Granularity,
  now: string,
): PromisePeriod[] {
  const periods = new Map<string, PromisePeriod>()
  for (const parcel of parcels) {
    const key = periodOf(parcel.receivedAt, granularity)
    const p = periods.get(key) ?? {
      period: key,
      received: 0,
      arrivedOnTime: 0,
      arrivedLate: 0,
      overdue: 0,
      pending: 0,
      onTimeRate: null,
    }
    p.received += 1
    if (parcel.arrivedAt !== null) {
      if (parcel.arrivedAt <= parcel.dueAt) p.arrivedOnTime += 1
      else p.arrivedLate += 1
    } else if (now > parcel.dueAt) p.overdue += 1
    else p.pending += 1
    periods.set(key, p)
  }
  return [...periods.values()]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((p) => {
      const decided = p.arrivedOnTime + p.arrivedLate + p.overdue
      return { ...p, onTimeRate: decided === 0 ? null : p.arrivedOnTime / decided }
    })
}

/** The promise summary for parcels received between two Shanghai dates, inclusive. */
export async function promiseSummary(
  db: Db,
  from: string,
  to: string,
  granularity: Granularity,
  now: string,
  scope: Scope,
): Promise<PromisePeriod[]> {
  const end = new Date(Date.parse(shanghaiMidnightUtc(to)) + 86400000).toISOString()
  let query = db
    .selectFrom('parcel')
    .select(['received_at as receivedAt', 'due_at as dueAt', 'arrived_at as arrivedAt'])
    .where('received_at', '>=', shanghaiMidnightUtc(from))
    .where('received_at', '<', end)
  const inScope = parcelsInScope(scope)
  if (inScope) query = query.where(inScope)
  const rows = await query.execute()
  return summarisePromise(
    rows.filter((r): r is ClockedParcel => r.receivedAt !== null && r.dueAt !== null),
    granularity,
    now,
  )
}
