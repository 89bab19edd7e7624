import { createSearchContext } from './engine/search-context.js'
import { emptyRoute, isBetter, scoreCandidate, type Candidate } from './engine/candidate.js'
import { diagnoseJob } from './engine/diagnose.js'
import { compileModel, type Model } from './engine/model.js'
import { toImprovement, toSolution } from './engine/to-solution.js'
import { recreate } from './construct/recreate.js'
import { constructSequential } from './construct/sequential.js'
import { anneal } from './improve/anneal.js'
import { minimizeFleet } from './improve/minimize-fleet.js'
import type { Problem } from './problem.js'
import { Random } from './random.js'
import type { Solution, SolveImprovement, UnassignedJob } from './solution.js'

export interface SolveProgress {
  iteration: number
  elapsedMs: number
  /** The best plan so far, built on demand (anytime). */
  best: () => Solution
}

export interface SolveOptions {
  seed?: number
  /** Iteration budget; with a seed it fixes the answer (the temperature follows iterations). */
  maxIterations?: number
  timeLimitMs?: number
  signal?: AbortSignal
  onProgress?: (progress: SolveProgress) => void
  progressIntervalMs?: number
  /** Called with each new best plan; absent, the search does no extra work. */
  onImprove?: (improvement: SolveImprovement) => void
  /** Expert knobs of the search; the defaults were tuned on public benchmarks. */
  tuning?: Partial<SearchTuning>
}

export interface SearchTuning {
  /** Start temperature as a share of the first plan's average variable cost per job. */
  startTemperatureShare: number
  /** End temperature / start temperature. */
  endTemperatureRatio: number
  /** Average number of jobs one ruin removes (SISR c̄). */
  averageRemoved: number
  /** Longest string one ruin removes from a route (SISR L^max). */
  maxStringLength: number
  /** Chance to skip a position while inserting (SISR blinks). */
  blinkRate: number
  /** Insertion tries the routes of this many nearest neighbours first (0: all routes). */
  insertionNeighbours: number
  /** Share of the budget spent removing routes under the 'vehicles-then-distance' objective. */
  fleetShare: number
  /** Below this many jobs insertion always scans every route: cheap, and better with windows. */
  granularFromJobs: number
  /** Local search on accepted plans tries this many nearest neighbours per job (0: none). */
  localSearchNeighbours: number
}

/** Tuning defaults, defined once. */
export const DEFAULT_TUNING: SearchTuning = {
  startTemperatureShare: 0.3,
  endTemperatureRatio: 0.01,
  averageRemoved: 20,
  maxStringLength: 30,
  blinkRate: 0.01,
  insertionNeighbours: 40,
  granularFromJobs: 150,
  fleetShare: 0.8,
  localSearchNeighbours: 10,
}

/** The defaults, defined once. */
export const DEFAULT_SOLVE_OPTIONS = {
  seed: 1,
  maxIterations: Infinity,
  timeLimitMs: 10_000,
  progressIntervalMs: 250,
} as const

/**
 * Plans routes: greedy construction, then ruin-and-recreate under simulated annealing within the
 * budget. Returns the best plan found (fixed + per-km + per-hour cost); jobs no vehicle can take
 * come back in unassigned with a reason. Throws only on malformed input (bad indices or windows).
 */
export async function solve(problem: Problem, options: SolveOptions = {}): Promise<Solution> {
  const settings = { ...DEFAULT_SOLVE_OPTIONS, ...options }
  const startMs = performance.now()
  const model = compileModel(problem)
  const unservable: UnassignedJob[] = []
  const servable: number[] = []
  for (let j = 0; j < model.jobCount; j++) {
    const reason = diagnoseJob(model, j)
    if (reason === null) servable.push(j)
    else unservable.push({ jobId: (problem.jobs[j] as { id: string }).id, reason })
  }
  const tuning = { ...DEFAULT_TUNING, ...options.tuning }
  const context = createSearchContext(model, new Random(settings.seed))
  context.averageRemoved = tuning.averageRemoved
  context.maxStringLength = tuning.maxStringLength
  context.blinkRate = tuning.blinkRate
  context.localSearchNeighbours = tuning.localSearchNeighbours
  context.insertionNeighbours =
    model.jobCount >= tuning.granularFromJobs ? tuning.insertionNeighbours : 0
  const penalty = unassignedPenalty(model, servable)
  const routes: Candidate['routes'] = []
  const leftOver = recreate(context, routes, servable.slice(), -2, 'farthest-first')
  let initial: Candidate = {
    routes,
    unassigned: leftOver,
    cost: scoreCandidate(routes, leftOver.length, penalty),
  }
  if (leftOver.length > 0) {
    // A tight fleet: try packing route by route, and keep whichever leaves fewer jobs out.
    const packed = constructSequential(context, servable, -2)
    const other = {
      ...packed,
      cost: scoreCandidate(packed.routes, packed.unassigned.length, penalty),
    }
    if (isBetter(other, initial)) initial = other
  }
  const improved =
    options.onImprove === undefined
      ? undefined
      : (best: Candidate) =>
          options.onImprove?.(toImprovement(best, unservable.length, performance.now() - startMs))
  improved?.(initial)
  const toPublic = (
    best: Candidate,
    iterations: number,
    timeToBestMs: number,
    stoppedBy: 'iterations' | 'time' | 'cancelled',
  ) =>
    toSolution(problem, model, best, unservable, {
      iterations,
      elapsedMs: performance.now() - startMs,
      timeToBestMs,
      stoppedBy,
    })
  let start = initial
  let fleetIterations = 0
  const hierarchical = problem.objective === 'vehicles-then-distance'
  if (hierarchical || initial.unassigned.length > 0) {
    // Fleet objective: most of the budget (fleetShare) removes routes, then the annealing shortens the
    // smallest fleet found. A first plan that left jobs out gets the same repair, which stops
    // as soon as every job is placed.
    const fleet = await minimizeFleet(context, initial, penalty, {
      dropRoutes: hierarchical,
      maxIterations: settings.maxIterations * tuning.fleetShare,
      timeLimitMs: (settings.timeLimitMs - (performance.now() - startMs)) * tuning.fleetShare,
      signal: settings.signal,
      yieldIntervalMs: 50,
      onImprove: improved,
    })
    start = fleet.best
    fleetIterations = fleet.iterations
  }
  const setupMs = performance.now() - startMs
  const result = await anneal(
    context,
    start,
    penalty,
    startTemperature(model, start, tuning.startTemperatureShare),
    {
      endTemperatureRatio: tuning.endTemperatureRatio,
      maxIterations: settings.maxIterations - fleetIterations,
      timeLimitMs: Math.max(0, settings.timeLimitMs - setupMs),
      signal: settings.signal,
      progressIntervalMs: settings.progressIntervalMs,
      yieldIntervalMs: 50,
      onImprove: improved,
      onProgress:
        settings.onProgress === undefined
          ? undefined
          : (best, iteration, elapsedMs) =>
              settings.onProgress?.({
                iteration: iteration + fleetIterations,
                elapsedMs: elapsedMs + setupMs,
                best: () => toPublic(best, iteration + fleetIterations, elapsedMs, 'time'),
              }),
    },
  )
  return toPublic(
    result.best,
    result.iterations + fleetIterations,
    result.timeToBestMs + setupMs,
    result.stoppedBy,
  )
}

/** Larger than the cost of serving any single job on its own, so serving jobs always pays. */
function unassignedPenalty(model: Model, jobs: readonly number[]): number {
  // One vehicle per class is enough: the others would give the same cost.
  const representatives: number[] = []
  const seen = new Set<number>()
  for (let v = 0; v < model.vehicleCount; v++) {
    const cls = model.vehicleClass[v] as number
    if (seen.has(cls)) continue
    seen.add(cls)
    representatives.push(v)
  }
  let worst = 1
  for (const job of jobs) {
    let cheapest = Infinity
    for (const v of representatives) {
      const route = emptyRoute(model, v, -1)
      route.jobs.push(job)
      route.update(model)
      if (route.feasible) cheapest = Math.min(cheapest, route.cost)
    }
    if (Number.isFinite(cheapest)) worst = Math.max(worst, cheapest)
  }
  return 10 * worst
}

// SISR uses 100 on X instances, about a third of their cost per job.
function startTemperature(model: Model, initial: Candidate, share: number): number {
  let variableCost = 0
  let jobs = 0
  for (const route of initial.routes) {
    variableCost += route.cost - (model.fixedCost[route.vehicle] as number)
    jobs += route.jobs.length
  }
  return Math.max(1e-6, (share * variableCost) / Math.max(1, jobs))
}
