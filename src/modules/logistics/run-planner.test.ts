import { describe, expect, it } from 'vitest'
import { buildRandomProblem } from '../../routing/fixtures/random-problem.js'
import type { SolveImprovement } from '../../routing/index.js'
import { solveInWorker } from './run-planner.js'

describe('solving in a worker', () => {
  it('passes each new best plan back to the caller, the last being the plan returned', async () => {
    const problem = buildRandomProblem({ jobs: 30, vehicles: 8, seed: 4 })
    const seen: SolveImprovement[] = []
    const solution = await solveInWorker(
      problem,
      { timeLimitMs: 300, seed: 1 },
      { onProgress: () => undefined, onImprove: (i) => seen.push(i) },
    )
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.at(-1)?.cost).toBeCloseTo(solution.cost, 6)
    expect(seen.at(-1)?.unassigned).toBe(solution.unassigned.length)
  })
})
