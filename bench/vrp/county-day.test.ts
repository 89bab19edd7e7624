import { describe, expect, it } from 'vitest'
import { checkSolution, solve } from '../../src/routing/index.js'
import { buildCountyDay } from './county-day.js'

describe('county day scenario', () => {
  it('is generated the same way every time from its seed', () => {
    const a = buildCountyDay(7, 50)
    const b = buildCountyDay(7, 50)
    expect(b.jobs).toEqual(a.jobs)
    expect(Array.from(b.matrix.durationsS)).toEqual(Array.from(a.matrix.durationsS))
  })

  it('gets a feasible plan serving all 500 stations well within 10 s', async () => {
    const startMs = performance.now()
    const problem = buildCountyDay()
    const solution = await solve(problem, { seed: 3, timeLimitMs: 2_000 })
    const check = checkSolution(problem, solution)
    expect(check.violations).toEqual([])
    expect(solution.unassigned).toEqual([])
    expect(check.vehicleCount).toBeLessThanOrEqual(20)
    expect(performance.now() - startMs).toBeLessThan(10_000)
  })
})
