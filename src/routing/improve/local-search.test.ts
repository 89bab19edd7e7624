import { describe, expect, it } from 'vitest'
import { checkSolution } from '../check-solution.js'
import { recreate } from '../construct/recreate.js'
import { scoreCandidate, type Candidate } from '../engine/candidate.js'
import { compileModel } from '../engine/model.js'
import { RouteState } from '../engine/route-state.js'
import { createSearchContext } from '../engine/search-context.js'
import { toSolution } from '../engine/to-solution.js'
import { buildRandomProblem } from '../fixtures/random-problem.js'
import { createGivenMatrix } from '../matrix/travel-matrix.js'
import type { Problem } from '../problem.js'
import { Random } from '../random.js'
import { improveRoutes } from './local-search.js'

const STATS = { iterations: 0, elapsedMs: 0, timeToBestMs: 0, stoppedBy: 'iterations' } as const

/** Runs the local search on the given routes (job indices per vehicle) and checks the result. */
function improve(problem: Problem, routes: number[][], neighbours = 10) {
  const model = compileModel(problem)
  const context = createSearchContext(model, new Random(1))
  context.localSearchNeighbours = neighbours
  const states = routes.map((jobs, v) => {
    const route = new RouteState(v, jobs)
    route.stamp = 7
    route.update(model)
    return route
  })
  const before = scoreCandidate(states, 0, 0)
  improveRoutes(context, states, 7)
  const kept = states.filter((route) => route.jobs.length > 0)
  const best: Candidate = { routes: kept, unassigned: [], cost: scoreCandidate(kept, 0, 0) }
  const solution = toSolution(problem, model, best, [], STATS)
  return { before, after: best.cost, solution, check: checkSolution(problem, solution) }
}

/** Depot at 0 and jobs on a line at 1..count km, each 1 kg; vehicles of 10 kg. */
function lineProblem(count: number, vehicles: number): Problem {
  const positions = Array.from({ length: count + 1 }, (_, p) => p)
  return {
    matrix: createGivenMatrix(positions.map((a) => positions.map((b) => Math.abs(a - b) * 1000))),
    jobs: positions.slice(1).map((p) => ({
      id: `j${p}`,
      location: p,
      delivery: { weightKg: 1, volumeM3: 0 },
    })),
    vehicles: Array.from({ length: vehicles }, (_, k) => ({
      id: `v${k}`,
      startLocation: 0,
      endLocation: 0,
      capacity: { weightKg: 10, volumeM3: 0 },
    })),
  }
}

describe('improveRoutes', () => {
  it('untangles a zigzag route into the out-and-back optimum', () => {
    // Jobs 1..6 visited as 1, 5, 2, 6, 3, 4 (job index = position - 1); the optimum drives 12 km.
    const result = improve(lineProblem(6, 1), [[0, 4, 1, 5, 2, 3]])
    expect(result.check.violations).toEqual([])
    expect(result.after).toBeLessThan(result.before)
    expect(result.solution.distanceM).toBeCloseTo(12_000, 6)
  })

  it('merges routes that one vehicle could drive, emptying the others', () => {
    // Three routes along the line where one trip to the far end serves everyone: 16 km.
    const result = improve(lineProblem(8, 3), [
      [0, 7],
      [3, 1, 6],
      [2, 5, 4],
    ])
    expect(result.check.violations).toEqual([])
    expect(result.solution.distanceM).toBeCloseTo(16_000, 6)
    expect(result.solution.vehicleCount).toBe(1)
  })

  it.each([31, 32, 33, 34, 35, 36, 37, 38])(
    'never returns a plan the checker rejects and never costs more (seed %i)',
    (seed) => {
      const problem = buildRandomProblem({
        jobs: 60,
        vehicles: 12,
        seed,
        windows: seed % 2 === 0,
        pickups: seed % 3 !== 0,
        heterogeneous: seed % 2 === 1,
        maxDurationS: seed % 4 === 0 ? 400 : undefined,
        maxDistanceM: seed % 5 === 0 ? 300 : undefined,
      })
      // A deliberately poor start: greedy insertion in a random order.
      const model = compileModel(problem)
      const context = createSearchContext(model, new Random(seed))
      const routes: RouteState[] = []
      const jobs = Array.from({ length: model.jobCount }, (_, j) => j)
      context.random.shuffle(jobs)
      const unassigned = recreate(context, routes, jobs, 7)
      context.localSearchNeighbours = 10
      const before = scoreCandidate(routes, 0, 0)
      improveRoutes(context, routes, 7)
      const kept = routes.filter((route) => route.jobs.length > 0)
      const best = { routes: kept, unassigned, cost: scoreCandidate(kept, 0, 0) }
      const solution = toSolution(problem, model, best, [], STATS)
      const check = checkSolution(problem, solution)
      expect(check.violations).toEqual([])
      expect(check.cost).toBeCloseTo(best.cost, 6)
      expect(best.cost).toBeLessThanOrEqual(before + 1e-9)
    },
  )
})
