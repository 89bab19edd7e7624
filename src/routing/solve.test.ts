import { describe, expect, it } from 'vitest'
import { checkSolution } from './check-solution.js'
import { bruteForceOptimum } from './fixtures/brute-force.js'
import { buildRandomProblem } from './fixtures/random-problem.js'
import { createGivenMatrix } from './matrix/travel-matrix.js'
import type { Problem } from './problem.js'
import { solve } from './solve.js'
import type { Solution, SolveImprovement } from './solution.js'

const QUICK = { maxIterations: 1500, timeLimitMs: 20_000 }

function expectChecked(problem: Problem, solution: Solution): void {
  const check = checkSolution(problem, solution)
  expect(check.violations).toEqual([])
  expect(check.cost).toBeCloseTo(solution.cost, 6)
}

describe('solve', () => {
  it('finds the optimum of a depot-and-line instance', async () => {
    // Depot at 0, jobs at 1..4 on a line: one vehicle goes out to 4 and back, 8 units.
    const positions = [0, 1, 2, 3, 4]
    const matrix = createGivenMatrix(
      positions.map((a) => positions.map((b) => Math.abs(a - b) * 1000)),
    )
    const problem: Problem = {
      matrix,
      jobs: [1, 2, 3, 4].map((p) => ({
        id: `j${p}`,
        location: p,
        delivery: { weightKg: 1, volumeM3: 0 },
      })),
      vehicles: [
        { id: 'v', startLocation: 0, endLocation: 0, capacity: { weightKg: 10, volumeM3: 0 } },
      ],
    }
    const solution = await solve(problem, QUICK)
    expectChecked(problem, solution)
    expect(solution.distanceM).toBeCloseTo(8000, 6)
    expect(solution.vehicleCount).toBe(1)
  })

  it.each([1, 2, 3, 4, 5])(
    'matches exhaustive search on small instance %i (windows, pickups, mixed fleet)',
    async (seed) => {
      const problem = buildRandomProblem({
        jobs: 6,
        vehicles: 3,
        seed,
        windows: true,
        pickups: true,
        heterogeneous: true,
        capacityKg: 25,
      })
      const optimum = bruteForceOptimum(problem)
      const solution = await solve(problem, { ...QUICK, seed })
      expectChecked(problem, solution)
      if (Number.isFinite(optimum)) {
        expect(solution.unassigned).toEqual([])
        expect(solution.cost).toBeCloseTo(optimum, 6)
      } else {
        expect(solution.unassigned.length).toBeGreaterThan(0)
      }
    },
  )

  it.each([11, 12, 13, 14, 15, 16])(
    'returns only plans the checker accepts (seed %i)',
    async (seed) => {
      const problem = buildRandomProblem({
        jobs: 40,
        vehicles: 8,
        seed,
        windows: seed % 2 === 0,
        pickups: seed % 3 !== 0,
        heterogeneous: seed % 2 === 1,
        maxDurationS: seed % 4 === 0 ? 400 : undefined,
        maxDistanceM: seed % 5 === 0 ? 300 : undefined,
      })
      const solution = await solve(problem, { ...QUICK, seed })
      expectChecked(problem, solution)
    },
  )

  it('gives the same plan for the same seed and iteration budget', async () => {
    const problem = buildRandomProblem({
      jobs: 50,
      vehicles: 10,
      seed: 3,
      windows: true,
      pickups: true,
    })
    const first = await solve(problem, { seed: 9, maxIterations: 800, timeLimitMs: 60_000 })
    const second = await solve(problem, { seed: 9, maxIterations: 800, timeLimitMs: 60_000 })
    expect(second.routes.map((r) => r.jobIds)).toEqual(first.routes.map((r) => r.jobIds))
    expect(second.cost).toBe(first.cost)
  })

  it('leaves unreachable and too-heavy jobs unassigned with reasons and plans the rest', async () => {
    const base = buildRandomProblem({ jobs: 20, vehicles: 4, seed: 21, windows: true })
    const distances = Float64Array.from(base.matrix.distancesM)
    const size = base.matrix.size
    // Location 1 has no road to or from anywhere.
    for (let k = 0; k < size; k++) {
      if (k === 1) continue
      distances[k * size + 1] = Infinity
      distances[size + k] = Infinity
    }
    const jobs = base.jobs.map((job, k) => {
      if (k === 1) return { ...job, delivery: { weightKg: 1000, volumeM3: 0 } }
      if (k === 2) return { ...job, timeWindows: [{ startS: 5000, endS: 5100 }] }
      return job
    })
    const problem: Problem = { ...base, jobs, matrix: createGivenMatrix(distances) }
    const solution = await solve(problem, QUICK)
    expectChecked(problem, solution)
    const reasons = Object.fromEntries(solution.unassigned.map((u) => [u.jobId, u.reason]))
    expect(reasons).toEqual({ 'job-1': 'unreachable', 'job-2': 'capacity', 'job-3': 'time-window' })
    expect(solution.routes.flatMap((r) => r.jobIds)).toHaveLength(17)
  })

  it('costs the same when job and vehicle ids are renamed', async () => {
    const problem = buildRandomProblem({
      jobs: 30,
      vehicles: 6,
      seed: 5,
      windows: true,
      pickups: true,
    })
    const renamed: Problem = {
      ...problem,
      jobs: problem.jobs.map((job) => ({ ...job, id: `renamed-${job.id}` })),
      vehicles: problem.vehicles.map((vehicle) => ({ ...vehicle, id: `truck-${vehicle.id}` })),
    }
    const original = await solve(problem, QUICK)
    const other = await solve(renamed, QUICK)
    expectChecked(renamed, other)
    expect(other.cost).toBe(original.cost)
  })

  it('doubles the cost when every distance doubles (no windows)', async () => {
    const problem = buildRandomProblem({ jobs: 30, vehicles: 6, seed: 8 })
    const doubled: Problem = {
      ...problem,
      matrix: createGivenMatrix(problem.matrix.distancesM.map((d) => 2 * d)),
    }
    // Durations double too, and with no windows nor limits nothing else changes.
    const original = await solve(problem, QUICK)
    const scaled = await solve(doubled, QUICK)
    expectChecked(doubled, scaled)
    expect(scaled.distanceM).toBeCloseTo(2 * original.distanceM, 6)
  })

  it('stops early and still returns a checked plan when cancelled', async () => {
    const problem = buildRandomProblem({ jobs: 80, vehicles: 12, seed: 4, windows: true })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 150)
    const startMs = performance.now()
    const solution = await solve(problem, { timeLimitMs: 20_000, signal: controller.signal })
    expect(performance.now() - startMs).toBeLessThan(2_000)
    expect(solution.stats.stoppedBy).toBe('cancelled')
    expectChecked(problem, solution)
  })

  it('reports progress with a readable best plan so far', async () => {
    const problem = buildRandomProblem({ jobs: 60, vehicles: 20, seed: 6, pickups: true })
    const seen: number[] = []
    const solution = await solve(problem, {
      timeLimitMs: 600,
      progressIntervalMs: 100,
      onProgress: (progress) => {
        const best = progress.best()
        expectChecked(problem, best)
        seen.push(best.cost)
      },
    })
    expect(seen.length).toBeGreaterThan(1)
    expect(solution.unassigned).toEqual([])
    expect(solution.cost).toBeLessThanOrEqual(Math.min(...seen) + 1e-9)
  })

  it('reports each new best plan as found, ending with the plan it returns', async () => {
    const problem = buildRandomProblem({ jobs: 60, vehicles: 6, seed: 11, windows: true })
    const seen: SolveImprovement[] = []
    const solution = await solve(problem, { ...QUICK, onImprove: (i) => seen.push(i) })
    expect(seen.length).toBeGreaterThan(1)
    for (const [k, next] of seen.slice(1).entries()) {
      const previous = seen[k] as SolveImprovement
      expect(next.elapsedMs).toBeGreaterThanOrEqual(previous.elapsedMs)
      // Better means fewer jobs left out, or as many and cheaper.
      if (next.unassigned === previous.unassigned) expect(next.cost).toBeLessThan(previous.cost)
      else expect(next.unassigned).toBeLessThan(previous.unassigned)
    }
    const last = seen.at(-1)
    expect(last?.unassigned).toBe(solution.unassigned.length)
    expect(last?.vehicles).toBe(solution.vehicleCount)
    expect(last?.cost).toBeCloseTo(solution.cost, 6)
    expect(last?.distanceM).toBeCloseTo(solution.distanceM, 6)
  })

  it('finds the same plan whether or not improvements are reported', async () => {
    const problem = buildRandomProblem({ jobs: 40, vehicles: 10, seed: 12, pickups: true })
    const quiet = await solve(problem, QUICK)
    const traced = await solve(problem, { ...QUICK, onImprove: () => undefined })
    expect(traced.routes.map((r) => r.jobIds)).toEqual(quiet.routes.map((r) => r.jobIds))
  })

  it('uses no more vehicles with the vehicles-first objective than with the cost objective', async () => {
    const problem = buildRandomProblem({ jobs: 60, vehicles: 15, seed: 10, windows: true })
    const byCost = await solve({ ...problem, objective: 'cost' }, QUICK)
    const byVehicles = await solve({ ...problem, objective: 'vehicles-then-distance' }, QUICK)
    expectChecked(problem, byVehicles)
    expect(byVehicles.vehicleCount).toBeLessThanOrEqual(byCost.vehicleCount)
  })
})
