import { recreate } from '../construct/recreate.js'
import { scoreCandidate, type Candidate } from '../engine/candidate.js'
import type { SearchContext } from '../engine/search-context.js'
import { insertWithEjection } from './eject-insert.js'
import { improveRoutes } from './local-search.js'
import { ruinStrings } from './ruin-strings.js'

/** Insertions with ejection per iteration, most often absent jobs first (each costs O(routes × length)). */
const MAX_EJECTION_TRIES = 4

export interface FleetBudget {
  /** True: keep dropping routes (fleet minimisation); false: stop once every job is placed. */
  dropRoutes: boolean
  maxIterations: number
  timeLimitMs: number
  signal?: AbortSignal
  yieldIntervalMs: number
  /** Called each time the best plan changes. */
  onImprove?: (best: Candidate) => void
}

/**
 * SISR fleet minimisation: drop the smallest route, then ruin and recreate without new routes,
 * then local search, then the most often absent jobs (up to MAX_EJECTION_TRIES, most absent
 * first) go in by ejecting up to two jobs absent less often (insertWithEjection); a plan is
 * accepted when it leaves fewer jobs out or jobs with fewer past absences (so hard jobs get
 * placed first). Each time every job fits, the plan is
 * kept and another route goes. With
 * dropRoutes false it only places the jobs a first plan left out (opening routes if any are free).
 * Returns the best plan found (fewest jobs left out, then fewest routes) and the iterations used.
 */
export async function minimizeFleet(
  context: SearchContext,
  initial: Candidate,
  unassignedPenalty: number,
  budget: FleetBudget,
): Promise<{ best: Candidate; iterations: number }> {
  const complete = initial.unassigned.length === 0
  if (complete && (!budget.dropRoutes || initial.routes.length <= 1))
    return { best: initial, iterations: 0 }
  const { random } = context
  const absences = new Float64Array(context.model.jobCount)
  const absenceSum = (jobs: readonly number[]): number =>
    jobs.reduce((sum, j) => sum + (absences[j] as number), 0)
  const startMs = performance.now()
  let lastYieldMs = startMs
  let best = initial
  let current = complete ? dropSmallestRoute(initial, random.next()) : initial
  let iteration = 0
  context.allowNewRoutes = !budget.dropRoutes
  try {
    while (iteration < budget.maxIterations && performance.now() - startMs < budget.timeLimitMs) {
      if (performance.now() - lastYieldMs >= budget.yieldIntervalMs) {
        await new Promise((resolve) => setTimeout(resolve, 0))
        lastYieldMs = performance.now()
      }
      if (budget.signal?.aborted === true) break
      const stamp = 1_000_000_000 + iteration
      iteration++
      const routes = current.routes.slice()
      const removed = ruinStrings(context, routes, stamp)
      for (const job of current.unassigned) removed.push(job)
      let unassigned = recreate(context, routes, removed, stamp)
      let kept = routes.filter((route) => route.jobs.length > 0)
      if (kept.some((route) => !route.feasible)) continue
      // Shorter routes leave more slack in the windows for the jobs still out.
      if (context.localSearchNeighbours > 0) {
        improveRoutes(context, kept, stamp)
        kept = kept.filter((route) => route.jobs.length > 0)
      }
      if (unassigned.length > 0) {
        // The most often absent jobs go in first, each ejecting up to two absent less often;
        // the ejected jobs are put back greedily where they fit.
        const order = unassigned
          .slice()
          .sort((a, b) => (absences[b] as number) - (absences[a] as number))
        let left = unassigned
        for (const job of order.slice(0, MAX_EJECTION_TRIES)) {
          if (!left.includes(job)) continue
          const ejected = insertWithEjection(context, kept, job, absences, stamp)
          if (ejected === null) continue
          const rest = left.filter((j) => j !== job)
          left = rest.concat(recreate(context, kept, ejected, stamp))
        }
        unassigned = left
      }
      for (const j of unassigned) absences[j] = (absences[j] as number) + 1
      const better =
        unassigned.length < current.unassigned.length ||
        absenceSum(unassigned) < absenceSum(current.unassigned)
      if (!better) continue
      current = {
        routes: kept,
        unassigned,
        cost: scoreCandidate(kept, unassigned.length, unassignedPenalty),
      }
      if (unassigned.length < best.unassigned.length || unassigned.length === 0) {
        best = current
        budget.onImprove?.(best)
      }
      if (unassigned.length === 0) {
        if (!budget.dropRoutes || current.routes.length <= 1) break
        current = dropSmallestRoute(current, random.next())
      }
    }
  } finally {
    context.allowNewRoutes = true
  }
  return { best, iterations: iteration }
}

/** The plan without its shortest route (ties broken by the draw), whose jobs become unassigned. */
function dropSmallestRoute(plan: Candidate, draw: number): Candidate {
  const smallest = Math.min(...plan.routes.map((r) => r.jobs.length))
  const candidates = plan.routes.filter((r) => r.jobs.length === smallest)
  const dropped = candidates[Math.floor(draw * candidates.length)]
  const routes = plan.routes.filter((r) => r !== dropped)
  return { routes, unassigned: dropped === undefined ? [] : dropped.jobs.slice(), cost: Infinity }
}
