import { ownRoute } from '../engine/candidate.js'
import type { RouteState } from '../engine/route-state.js'
import type { SearchContext } from '../engine/search-context.js'

/**
 * SISR ruin (Christiaens & Vanden Berghe 2020): around a random seed job, removes strings of
 * consecutive jobs (sometimes with a kept gap inside) from a few nearby routes. Mutates routes
 * (cloning the touched ones under stamp) and returns the removed jobs.
 */
export function ruinStrings(context: SearchContext, routes: RouteState[], stamp: number): number[] {
  const { model, random, routeOfJob, removedMark } = context
  routeOfJob.fill(-1)
  let assigned = 0
  routes.forEach((route, r) => {
    for (const j of route.jobs) routeOfJob[j] = r
    assigned += route.jobs.length
  })
  const removed: number[] = []
  if (assigned === 0) return removed
  const averageLength = assigned / routes.length
  const maxLength = Math.min(context.maxStringLength, averageLength)
  const maxStrings = (4 * context.averageRemoved) / (1 + maxLength) - 1
  const stringCount = Math.floor(random.next() * maxStrings) + 1
  let seed = random.int(model.jobCount)
  while (routeOfJob[seed] === -1) seed = (seed + 1) % model.jobCount
  const ruined = new Set<number>()
  const neighbours = context.neighbours[seed] as Int32Array
  for (let k = -1; k < neighbours.length && ruined.size < stringCount; k++) {
    const job = k < 0 ? seed : (neighbours[k] as number)
    const r = routeOfJob[job] as number
    if (r < 0 || ruined.has(r)) continue
    ruined.add(r)
    const route = ownRoute(routes, r, stamp)
    const length = Math.floor(random.next() * Math.min(route.jobs.length, maxLength)) + 1
    removeString(context, route, job, length, removed)
  }
  for (const r of ruined) {
    const route = routes[r] as RouteState
    route.jobs = route.jobs.filter((j) => removedMark[j] === 0)
    route.update(model)
  }
  for (const j of removed) removedMark[j] = 0
  return removed
}

/** Marks a string of length jobs containing job (or a split string keeping a middle gap). */
function removeString(
  context: SearchContext,
  route: RouteState,
  job: number,
  length: number,
  removed: number[],
): void {
  const { random, removedMark } = context
  const jobs = route.jobs
  const position = jobs.indexOf(job)
  let kept = 0
  if (length < jobs.length && random.next() < 0.5) {
    kept = 1
    while (length + kept < jobs.length && random.next() < 0.5) kept++
  }
  const span = length + kept
  // First index of the span: uniform among spans that contain position and fit the route.
  const lowest = Math.max(0, position - span + 1)
  const highest = Math.min(position, jobs.length - span)
  const first = lowest + random.int(highest - lowest + 1)
  const keptFirst = first + random.int(length + 1)
  for (let i = first; i < first + span; i++) {
    if (kept > 0 && i >= keptFirst && i < keptFirst + kept) continue
    const j = jobs[i] as number
    removedMark[j] = 1
    removed.push(j)
  }
}
