import { describe, expect, it } from 'vitest'
import { checkSolution, evaluateRoute } from './check-solution.js'
import { buildRandomProblem } from './fixtures/random-problem.js'
import { solve } from './solve.js'
import { createGivenMatrix } from './matrix/travel-matrix.js'
import type { Problem } from './problem.js'

// Depot 0 and jobs at 1, 2, 3 on a line, 1000 m apart, 100 s per 1000 m.
const positions = [0, 1, 2, 3]
const problem: Problem = {
  matrix: createGivenMatrix(
    positions.map((a) => positions.map((b) => Math.abs(a - b) * 1000)),
    positions.map((a) => positions.map((b) => Math.abs(a - b) * 100)),
  ),
  jobs: [
    {
      id: 'a',
      location: 1,
      delivery: { weightKg: 4, volumeM3: 1 },
      serviceS: 10,
      timeWindows: [{ startS: 0, endS: 150 }],
    },
    { id: 'b', location: 2, pickup: { weightKg: 7, volumeM3: 1 }, serviceS: 10 },
    {
      id: 'c',
      location: 3,
      delivery: { weightKg: 3, volumeM3: 1 },
      timeWindows: [
        { startS: 0, endS: 200 },
        { startS: 500, endS: 600 },
      ],
    },
  ],
  vehicles: [
    {
      id: 'small',
      startLocation: 0,
      endLocation: 0,
      capacity: { weightKg: 10, volumeM3: 3 },
      costPerKm: 2,
      costPerHour: 36,
      fixedCost: 5,
    },
    {
      id: 'tight',
      startLocation: 0,
      endLocation: 0,
      capacity: { weightKg: 10, volumeM3: 3 },
      shift: { startS: 0, endS: 300 },
    },
  ],
}

describe('checkSolution', () => {
  it('accepts a valid plan and recomputes its cost', () => {
    // a at 100 (window 0-150), b at 210, c arrives 320, waits for 500 (second window), back at 800.
    const result = checkSolution(problem, {
      routes: [{ vehicleId: 'small', jobIds: ['a', 'b', 'c'] }],
      unassigned: [],
    })
    expect(result.violations).toEqual([])
    // 5 fixed + 2/km × 6 km + 36/h × 800 s.
    expect(result.cost).toBeCloseTo(5 + 12 + 8, 9)
    expect(result.distanceM).toBe(6000)
  })

  it('reports a load over capacity at the point it happens', () => {
    const heavy: Problem = {
      ...problem,
      jobs: problem.jobs.map((j) =>
        j.id === 'b' ? { ...j, pickup: { weightKg: 12, volumeM3: 0 } } : j,
      ),
    }
    const result = checkSolution(heavy, {
      routes: [{ vehicleId: 'small', jobIds: ['a', 'b', 'c'] }],
      unassigned: [],
    })
    expect(result.feasible).toBe(false)
    expect(result.violations.join()).toContain('after job b')
  })

  it('reports a missed window and a shift overrun', () => {
    const result = checkSolution(problem, {
      routes: [{ vehicleId: 'tight', jobIds: ['c', 'b', 'a'] }],
      unassigned: [],
    })
    expect(
      result.violations.some((v) => v.includes('job a') && v.includes('after its windows')),
    ).toBe(true)
    expect(result.violations.some((v) => v.includes('after its shift'))).toBe(true)
  })

  it('reports jobs served twice or forgotten, and a wrong reported cost', () => {
    const result = checkSolution(problem, {
      routes: [
        { vehicleId: 'small', jobIds: ['a', 'a'] },
        { vehicleId: 'tight', jobIds: ['b'] },
      ],
      unassigned: [],
      cost: 1,
    })
    expect(result.violations).toEqual(
      expect.arrayContaining([
        expect.stringContaining('job a appears 2 times'),
        expect.stringContaining('job c appears 0 times'),
        expect.stringContaining('reported cost 1'),
      ]),
    )
  })
})

describe('evaluateRoute', () => {
  it('re-walks a solved route to the same times, distance and cost the solver reported', async () => {
    const problem = buildRandomProblem({ seed: 21, jobs: 25, vehicles: 4 })
    const solution = await solve(problem, { seed: 1, maxIterations: 300 })
    for (const route of solution.routes.filter((r) => r.jobIds.length > 0)) {
      const evaluation = evaluateRoute(problem, route.vehicleId, route.jobIds)
      expect(evaluation.violations).toEqual([])
      expect(evaluation.distanceM).toBeCloseTo(route.distanceM, 6)
      expect(evaluation.cost).toBeCloseTo(route.cost, 6)
      evaluation.visits.forEach((visit, i) =>
        expect(visit.startS).toBeCloseTo(route.visits[i]?.startS ?? NaN, 6),
      )
    }
  })

  it('names what a manual change breaks', () => {
    const problem: Problem = {
      jobs: [
        { id: 'a', location: 1, delivery: { weightKg: 6, volumeM3: 0 } },
        { id: 'b', location: 2, delivery: { weightKg: 6, volumeM3: 0 } },
      ],
      vehicles: [
        { id: 'v', startLocation: 0, endLocation: 0, capacity: { weightKg: 10, volumeM3: 1 } },
      ],
      matrix: createGivenMatrix([
        [0, 1, 2],
        [1, 0, 1],
        [2, 1, 0],
      ]),
    }
    expect(evaluateRoute(problem, 'v', ['a']).violations).toEqual([])
    expect(evaluateRoute(problem, 'v', ['a', 'b']).violations).toEqual([
      'vehicle v carries 12 kg leaving the depot',
    ])
  })
})
