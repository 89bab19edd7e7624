import { findBestInsertion, type InsertionChoice } from '../construct/best-insertion.js'
import { ownRoute } from '../engine/candidate.js'
import { RouteState } from '../engine/route-state.js'
import type { SearchContext } from '../engine/search-context.js'

const choice: InsertionChoice = { position: -1, deltaCost: 0 }
const MAX_PAIR_SPAN = 4

/**
 * Insertion with ejection (after Nagata & Bräysy's ejection pool): puts job into the route where
 * taking out at most two jobs makes room, choosing the ejection with the smallest sum of past
 * absences (two jobs at most four stops apart), and only if that sum is below the job's own. Mutates routes (cloning under stamp);
 * returns the ejected jobs, or null when no ejection qualifies.
 */
export function insertWithEjection(
  context: SearchContext,
  routes: RouteState[],
  job: number,
  absences: Float64Array,
  stamp: number,
): number[] | null {
  const { model, random } = context
  let bestScore = absences[job] as number
  let bestRoute = -1
  let bestEjected: number[] = []
  let bestJobs: number[] = []
  let bestPosition = -1
  const consider = (r: number, ejected: number[], score: number): void => {
    const route = routes[r] as RouteState
    const jobs = route.jobs.filter((j) => !ejected.includes(j))
    const trial = new RouteState(route.vehicle, jobs)
    trial.update(model)
    if (!trial.feasible) return
    if (!findBestInsertion(model, trial, job, Infinity, random, 0, choice)) return
    bestScore = score
    bestRoute = r
    bestEjected = ejected
    bestJobs = jobs
    bestPosition = choice.position
  }
  for (let r = 0; r < routes.length; r++) {
    const jobs = (routes[r] as RouteState).jobs
    for (let a = 0; a < jobs.length; a++) {
      const first = jobs[a] as number
      const scoreA = absences[first] as number
      if (scoreA < bestScore) consider(r, [first], scoreA)
      // Pairs close together in the route only: room for a job opens around one place, and
      // all pairs would cost O(length³) per route on long routes.
      for (let b = a + 1; b < Math.min(jobs.length, a + 1 + MAX_PAIR_SPAN); b++) {
        const second = jobs[b] as number
        const score = scoreA + (absences[second] as number)
        if (score < bestScore) consider(r, [first, second], score)
      }
    }
  }
  if (bestRoute < 0) return null
  const route = ownRoute(routes, bestRoute, stamp)
  bestJobs.splice(bestPosition, 0, job)
  route.jobs = bestJobs
  route.update(model)
  return bestEjected
}
