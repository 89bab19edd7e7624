import type { Model } from './model.js'
import { RouteState } from './route-state.js'

/** A working solution: routes (copy-on-write) and the jobs no route serves. */
export interface Candidate {
  routes: RouteState[]
  unassigned: number[]
  /** Route costs plus a penalty per unassigned job; what the search minimises. */
  cost: number
}

/** Sum of route costs plus the unassigned penalty. */
export function scoreCandidate(
  routes: readonly RouteState[],
  unassignedCount: number,
  unassignedPenalty: number,
): number {
  let cost = unassignedCount * unassignedPenalty
  for (const route of routes) cost += route.cost
  return cost
}

/** True when a is better: fewer unassigned jobs first, then lower cost. */
export function isBetter(a: Candidate, b: Candidate): boolean {
  if (a.unassigned.length !== b.unassigned.length) return a.unassigned.length < b.unassigned.length
  return a.cost < b.cost - 1e-9
}

/** The route itself if this iteration already owns it, else a private copy. */
export function ownRoute(routes: RouteState[], index: number, stamp: number): RouteState {
  const route = routes[index] as RouteState
  if (route.stamp === stamp) return route
  const copy = route.clone(stamp)
  routes[index] = copy
  return copy
}

/** An empty route for vehicle, caches filled. */
export function emptyRoute(model: Model, vehicle: number, stamp: number): RouteState {
  const route = new RouteState(vehicle, [])
  route.stamp = stamp
  route.update(model)
  return route
}
