import { recreate } from '../construct/recreate.js'
import { isBetter, scoreCandidate, type Candidate } from '../engine/candidate.js'
import type { SearchContext } from '../engine/search-context.js'
import { improveRoutes } from './local-search.js'
import { ruinStrings } from './ruin-strings.js'

export interface AnnealBudget {
  maxIterations: number
  endTemperatureRatio: number
  timeLimitMs: number
  signal?: AbortSignal
  /** Called about every progressIntervalMs with the best candidate so far. */
  onProgress?: (best: Candidate, iteration: number, elapsedMs: number) => void
  progressIntervalMs: number
  /** Called each time the best candidate changes. */
  onImprove?: (best: Candidate) => void
  /** Time to yield to the event loop so abort signals and timers can fire. */
  yieldIntervalMs: number
}

export interface AnnealResult {
  best: Candidate
  iterations: number
  elapsedMs: number
  timeToBestMs: number
  stoppedBy: 'iterations' | 'time' | 'cancelled'
}

/**
 * Ruin and recreate under simulated annealing (SISR). The temperature falls geometrically from
 * startTemperature to endTemperatureRatio of it over the iteration budget when one is set (so a seed and an
 * iteration budget replay exactly), else over the time limit.
 */
export async function anneal(
  context: SearchContext,
  initial: Candidate,
  unassignedPenalty: number,
  startTemperature: number,
  budget: AnnealBudget,
): Promise<AnnealResult> {
  const { random } = context
  const startMs = performance.now()
  const byIterations = Number.isFinite(budget.maxIterations)
  const endTemperature = startTemperature * budget.endTemperatureRatio
  let current = initial
  let best = initial
  let timeToBestMs = 0
  let iteration = 0
  let lastYieldMs = startMs
  let lastProgressMs = startMs
  let stoppedBy: AnnealResult['stoppedBy'] = 'iterations'
  for (;;) {
    const nowMs = performance.now()
    const elapsedMs = nowMs - startMs
    if (iteration >= budget.maxIterations) break
    if (elapsedMs >= budget.timeLimitMs) {
      stoppedBy = 'time'
      break
    }
    if (nowMs - lastYieldMs >= budget.yieldIntervalMs) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      lastYieldMs = performance.now()
    }
    if (budget.signal?.aborted === true) {
      stoppedBy = 'cancelled'
      break
    }
    if (budget.onProgress !== undefined && nowMs - lastProgressMs >= budget.progressIntervalMs) {
      budget.onProgress(best, iteration, elapsedMs)
      lastProgressMs = nowMs
    }
    const progress = byIterations
      ? iteration / budget.maxIterations
      : elapsedMs / budget.timeLimitMs
    const temperature = startTemperature * Math.pow(endTemperature / startTemperature, progress)
    const stamp = iteration
    iteration++
    const routes = current.routes.slice()
    const removed = ruinStrings(context, routes, stamp)
    for (const job of current.unassigned) removed.push(job)
    const unassigned = recreate(context, routes, removed, stamp)
    let kept = routes.filter((route) => route.jobs.length > 0)
    // Odd matrices (no triangle inequality) can make a ruined route infeasible: drop the attempt.
    if (kept.some((route) => !route.feasible)) continue
    // Local search on every candidate: ruin and recreate then compares local optima.
    if (context.localSearchNeighbours > 0) {
      improveRoutes(context, kept, stamp)
      kept = kept.filter((route) => route.jobs.length > 0)
    }
    const candidate: Candidate = {
      routes: kept,
      unassigned,
      cost: scoreCandidate(kept, unassigned.length, unassignedPenalty),
    }
    if (candidate.cost < current.cost - temperature * Math.log(random.next())) current = candidate
    if (isBetter(candidate, best)) {
      best = candidate
      timeToBestMs = performance.now() - startMs
      budget.onImprove?.(best)
    }
  }
  return {
    best,
    iterations: iteration,
    elapsedMs: performance.now() - startMs,
    timeToBestMs,
    stoppedBy,
  }
}
