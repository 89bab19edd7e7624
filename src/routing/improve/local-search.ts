import { ownRoute } from '../engine/candidate.js'
import type { RouteState } from '../engine/route-state.js'
import type { SearchContext } from '../engine/search-context.js'
import { sequenceCost } from '../engine/sequence-cost.js'
import { canExchangeTails, canSwap, canTakeSegment, recordRouteLoads } from './move-checks.js'
import { buildRelocate, buildReversal, buildSwap, buildTails, built } from './move-sequences.js'

// A move must save more than this (cost units) so rounding never makes the search cycle.
const MIN_GAIN = 1e-7

/**
 * Granular local search (first improvement) on the routes this iteration touched (stamp), and
 * on every route a move then changes: relocate of 1–3 consecutive jobs, swap, 2-opt* and
 * intra-route 2-opt, each with u among the job's nearest neighbours v. A move is priced from
 * the changed arcs first; only a saving move is simulated in full (sequenceCost), so every limit
 * of the model holds. Mutates routes (cloning under stamp; emptied routes stay, with no jobs).
 */
export function improveRoutes(context: SearchContext, routes: RouteState[], stamp: number): void {
  const { routeOfJob, routeDirty } = context
  if (context.localSearchNeighbours <= 0) return
  routeOfJob.fill(-1)
  for (let r = 0; r < routes.length; r++) {
    indexRoute(context, routes, r)
    routeDirty[r] = (routes[r] as RouteState).stamp === stamp ? 1 : 0
  }
  // Each applied move saves at least MIN_GAIN; the cap only guards against odd matrices.
  let movesLeft = 50 * context.model.jobCount
  let again = true
  while (again && movesLeft > 0) {
    again = false
    for (let r = 0; r < routes.length; r++) {
      if (routeDirty[r] === 0) continue
      routeDirty[r] = 0
      let p = 0
      while (p < (routes[r] as RouteState).jobs.length && movesLeft > 0) {
        const u = (routes[r] as RouteState).jobs[p] as number
        if (tryMoves(context, routes, u, stamp)) {
          again = true
          movesLeft--
        } else p++
      }
    }
  }
}

function indexRoute(context: SearchContext, routes: readonly RouteState[], r: number): void {
  const jobs = (routes[r] as RouteState).jobs
  for (let p = 0; p < jobs.length; p++) {
    context.routeOfJob[jobs[p] as number] = r
    context.positionOfJob[jobs[p] as number] = p
  }
  recordRouteLoads(context.model, jobs)
}

/** Tries the moves of job u with its nearest neighbours; applies the first saving one. */
function tryMoves(context: SearchContext, routes: RouteState[], u: number, stamp: number): boolean {
  const { model, routeOfJob, positionOfJob } = context
  const size = model.size
  const distance = model.distance
  const neighbours = context.neighbours[u] as Int32Array
  const count = Math.min(neighbours.length, context.localSearchNeighbours)
  const r = routeOfJob[u] as number
  const i = positionOfJob[u] as number
  const routeA = routes[r] as RouteState
  const a = routeA.jobs
  const costA = model.costPerM[routeA.vehicle] as number
  const uLocation = model.jobLocation[u] as number
  const beforeU = locationAt(context, routeA, i - 1)
  const afterU = locationAt(context, routeA, i + 1)
  for (let n = 0; n < count; n++) {
    const v = neighbours[n] as number
    const s = routeOfJob[v] as number
    if (s < 0) continue
    const k = positionOfJob[v] as number
    const routeB = routes[s] as RouteState
    const b = routeB.jobs
    const costB = model.costPerM[routeB.vehicle] as number
    const vLocation = model.jobLocation[v] as number
    const beforeV = locationAt(context, routeB, k - 1)
    const afterV = locationAt(context, routeB, k + 1)
    // Relocate u and up to two followers, after v or before v.
    for (let length = 1; length <= 3 && i + length <= a.length; length++) {
      if (r === s && k >= i && k < i + length) break
      const lastLocation = model.jobLocation[a[i + length - 1] as number] as number
      const afterSegment = locationAt(context, routeA, i + length)
      const removal =
        (distance[beforeU * size + afterSegment] as number) -
        (distance[beforeU * size + uLocation] as number) -
        (distance[lastLocation * size + afterSegment] as number)
      if (!(r === s && k === i - 1)) {
        const insertion =
          (distance[vLocation * size + uLocation] as number) +
          (distance[lastLocation * size + afterV] as number) -
          (distance[vLocation * size + afterV] as number)
        if (
          costA * removal + costB * insertion < -MIN_GAIN &&
          (r === s || canTakeSegment(model, routeA, i, length, routeB, k + 1))
        ) {
          buildRelocate(a, b, r === s, i, length, k + 1)
          if (applyIfBetter(context, routes, r, s, stamp)) return true
        }
      }
      if (!(r === s && k === i + length)) {
        const insertion =
          (distance[beforeV * size + uLocation] as number) +
          (distance[lastLocation * size + vLocation] as number) -
          (distance[beforeV * size + vLocation] as number)
        if (
          costA * removal + costB * insertion < -MIN_GAIN &&
          (r === s || canTakeSegment(model, routeA, i, length, routeB, k))
        ) {
          buildRelocate(a, b, r === s, i, length, k)
          if (applyIfBetter(context, routes, r, s, stamp)) return true
        }
      }
    }
    if (r !== s || Math.abs(i - k) > 1) {
      // Swap u and v.
      const deltaA =
        (distance[beforeU * size + vLocation] as number) +
        (distance[vLocation * size + afterU] as number) -
        (distance[beforeU * size + uLocation] as number) -
        (distance[uLocation * size + afterU] as number)
      const deltaB =
        (distance[beforeV * size + uLocation] as number) +
        (distance[uLocation * size + afterV] as number) -
        (distance[beforeV * size + vLocation] as number) -
        (distance[vLocation * size + afterV] as number)
      if (
        costA * deltaA + costB * deltaB < -MIN_GAIN &&
        (r === s || canSwap(model, routeA, i, routeB, k))
      ) {
        buildSwap(a, b, r === s, i, k)
        if (applyIfBetter(context, routes, r, s, stamp)) return true
      }
    }
    if (r !== s) {
      // 2-opt* needs both routes to end at the same place, since the tails trade vehicles.
      if (model.vehicleEnd[routeA.vehicle] !== model.vehicleEnd[routeB.vehicle]) continue
      // Tails exchange making the arc u → v: a[..i] + b[k..] and b[..k-1] + a[i+1..].
      if (
        (distance[uLocation * size + vLocation] as number) +
          (distance[beforeV * size + afterU] as number) -
          (distance[uLocation * size + afterU] as number) -
          (distance[beforeV * size + vLocation] as number) <
          -MIN_GAIN &&
        canExchangeTails(model, routeA, i + 1, routeB, k)
      ) {
        buildTails(a, b, i + 1, k)
        if (applyIfBetter(context, routes, r, s, stamp)) return true
      }
      // Making the arc v → u: a[..i-1] + b[k+1..] and b[..k] + a[i..].
      if (
        (distance[vLocation * size + uLocation] as number) +
          (distance[beforeU * size + afterV] as number) -
          (distance[vLocation * size + afterV] as number) -
          (distance[beforeU * size + uLocation] as number) <
          -MIN_GAIN &&
        canExchangeTails(model, routeA, i, routeB, k + 1)
      ) {
        buildTails(a, b, i, k + 1)
        if (applyIfBetter(context, routes, r, s, stamp)) return true
      }
    } else if (k > i + 1) {
      // 2-opt: reverse a[i+1..k], making the arc u → v.
      const next = model.jobLocation[a[i + 1] as number] as number
      if (
        (distance[uLocation * size + vLocation] as number) +
          (distance[next * size + afterV] as number) -
          (distance[uLocation * size + next] as number) -
          (distance[vLocation * size + afterV] as number) <
        -MIN_GAIN
      ) {
        buildReversal(a, i + 1, k)
        if (applyIfBetter(context, routes, r, s, stamp)) return true
      }
    } else if (k < i - 1) {
      // 2-opt: reverse a[k+1..i], making the arc v → u.
      const next = model.jobLocation[a[k + 1] as number] as number
      if (
        (distance[vLocation * size + uLocation] as number) +
          (distance[next * size + afterU] as number) -
          (distance[vLocation * size + next] as number) -
          (distance[uLocation * size + afterU] as number) <
        -MIN_GAIN
      ) {
        buildReversal(a, k + 1, i)
        if (applyIfBetter(context, routes, r, s, stamp)) return true
      }
    }
  }
  return false
}

/** Location at job index p of route; -1 is the start depot, length the end depot. */
function locationAt(context: SearchContext, route: RouteState, p: number): number {
  const { model } = context
  if (p < 0) return model.vehicleStart[route.vehicle] as number
  if (p >= route.jobs.length) return model.vehicleEnd[route.vehicle] as number
  return model.jobLocation[route.jobs[p] as number] as number
}

/** Applies the built sequences when their exact cost beats the routes' current cost. */
function applyIfBetter(
  context: SearchContext,
  routes: RouteState[],
  r: number,
  s: number,
  stamp: number,
): boolean {
  const { model } = context
  const routeA = routes[r] as RouteState
  const routeB = routes[s] as RouteState
  const costA = sequenceCost(model, routeA.vehicle, built.first, built.firstLength)
  if (costA === Infinity) return false
  const costB = r === s ? 0 : sequenceCost(model, routeB.vehicle, built.second, built.secondLength)
  const before = r === s ? routeA.cost : routeA.cost + routeB.cost
  if (!(costA + costB < before - MIN_GAIN)) return false
  const ownA = ownRoute(routes, r, stamp)
  const oldA = ownA.jobs
  ownA.jobs = built.first.slice(0, built.firstLength)
  ownA.update(model)
  if (r !== s) {
    const ownB = ownRoute(routes, s, stamp)
    const oldB = ownB.jobs
    ownB.jobs = built.second.slice(0, built.secondLength)
    ownB.update(model)
    if (!ownA.feasible || !ownB.feasible) {
      // Cannot happen while sequenceCost mirrors update(); kept as a guard, never a wrong plan.
      ownA.jobs = oldA
      ownA.update(model)
      ownB.jobs = oldB
      ownB.update(model)
      return false
    }
    indexRoute(context, routes, s)
    context.routeDirty[s] = 1
  } else if (!ownA.feasible) {
    ownA.jobs = oldA
    ownA.update(model)
    return false
  }
  indexRoute(context, routes, r)
  context.routeDirty[r] = 1
  return true
}
