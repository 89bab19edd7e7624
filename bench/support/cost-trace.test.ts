import { describe, expect, it } from 'vitest'
import { bestAt, gapPercent, timeToFirstComplete, timeToWithin } from './cost-trace.js'

// A solve that first leaves two jobs out, places them all at 400 ms, then shortens the plan.
const trace = [
  { elapsedMs: 10, cost: 900, unassigned: 2 },
  { elapsedMs: 400, cost: 1300, unassigned: 0 },
  { elapsedMs: 2_500, cost: 1050, unassigned: 0 },
  { elapsedMs: 9_000, cost: 1009, unassigned: 0 },
  { elapsedMs: 50_000, cost: 1000, unassigned: 0 },
]

describe('cost trace', () => {
  it('gives the plan held at a time: the last one found by then', () => {
    expect(bestAt(trace, 3_000)).toEqual(trace[2])
    expect(bestAt(trace, 400)).toEqual(trace[1])
    expect(bestAt(trace, 5)).toBeUndefined()
  })

  it('times reaching within 1 % of the final plan, not the budget', () => {
    expect(timeToWithin(trace, { cost: 1000, unassigned: 0 }, 0.01)).toBe(9_000)
    expect(timeToWithin(trace, { cost: 1000, unassigned: 0 }, 0.1)).toBe(2_500)
  })

  it('does not count a cheap plan that leaves jobs out as within reach', () => {
    expect(timeToWithin(trace, { cost: 1000, unassigned: 0 }, 0)).toBe(50_000)
    expect(timeToWithin(trace.slice(0, 1), { cost: 1000, unassigned: 0 }, 0.01)).toBeUndefined()
  })

  it('times the first plan placing as many jobs as the final one', () => {
    expect(timeToFirstComplete(trace)).toBe(400)
    // A station nobody can reach stays out of every plan: the first plan is then complete.
    const unreachable = trace.map((p) => ({ ...p, unassigned: p.unassigned + 1 }))
    expect(timeToFirstComplete(unreachable)).toBe(400)
    expect(timeToFirstComplete([])).toBeUndefined()
  })

  it('gives the gap above a reference in percent', () => {
    expect(gapPercent(1010, 1000)).toBeCloseTo(1, 9)
  })
})
