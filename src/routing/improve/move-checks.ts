import { serviceStart, type Model } from '../engine/model.js'
import { TIME_EPSILON, type RouteState } from '../engine/route-state.js'

// Necessary conditions for local-search moves, from the route caches: cheap tests that reject
// most infeasible moves before the full simulation.

// Per job: delivery (kg, m³) and pickup (kg, m³) summed from its route's start through the job.
let cumulative = new Float64Array(0)
const totals = new Float64Array(4)

/** Records the running delivery and pickup sums of one route's jobs (O(length)). */
export function recordRouteLoads(model: Model, jobs: readonly number[]): void {
  if (cumulative.length < 4 * model.jobCount) cumulative = new Float64Array(4 * model.jobCount)
  let delivery0 = 0
  let delivery1 = 0
  let pickup0 = 0
  let pickup1 = 0
  for (const j of jobs) {
    delivery0 += model.jobDelivery0[j] as number
    delivery1 += model.jobDelivery1[j] as number
    pickup0 += model.jobPickup0[j] as number
    pickup1 += model.jobPickup1[j] as number
    cumulative[4 * j] = delivery0
    cumulative[4 * j + 1] = delivery1
    cumulative[4 * j + 2] = pickup0
    cumulative[4 * j + 3] = pickup1
  }
}

/** Delivery (dimension 0, 1) or pickup (2, 3) summed over the route's first count jobs. */
function amountBefore(route: RouteState, count: number, dimension: number): number {
  return count <= 0 ? 0 : (cumulative[4 * (route.jobs[count - 1] as number) + dimension] as number)
}

/** Whether totals[] fits the vehicle: all deliveries are on board at the start, pickups at the end. */
function fitsTotals(model: Model, vehicle: number): boolean {
  const capacity0 = (model.capacity0[vehicle] as number) + TIME_EPSILON
  const capacity1 = (model.capacity1[vehicle] as number) + TIME_EPSILON
  return (
    (totals[0] as number) <= capacity0 &&
    (totals[1] as number) <= capacity1 &&
    (totals[2] as number) <= capacity0 &&
    (totals[3] as number) <= capacity1
  )
}

/**
 * O(1)–O(segment) necessary conditions, from the route caches, for moving a[i .. i+length) of
 * from between cache positions at and at+1 of to: total loads and the windows around the gap.
 */
export function canTakeSegment(
  model: Model,
  from: RouteState,
  i: number,
  length: number,
  to: RouteState,
  at: number,
): boolean {
  for (let d = 0; d < 4; d++)
    totals[d] =
      amountBefore(to, to.jobs.length, d) +
      amountBefore(from, i + length, d) -
      amountBefore(from, i, d)
  if (!fitsTotals(model, to.vehicle)) return false
  return fitsBetween(model, to, at, to, at + 1, from.jobs, i, i + length)
}

/** Necessary conditions for swapping job index i of a with job index k of b (different routes). */
export function canSwap(model: Model, a: RouteState, i: number, b: RouteState, k: number): boolean {
  for (let d = 0; d < 4; d++) {
    const itemA = amountBefore(a, i + 1, d) - amountBefore(a, i, d)
    const itemB = amountBefore(b, k + 1, d) - amountBefore(b, k, d)
    totals[d] = amountBefore(b, b.jobs.length, d) - itemB + itemA
  }
  if (!fitsTotals(model, b.vehicle)) return false
  for (let d = 0; d < 4; d++) {
    const itemA = amountBefore(a, i + 1, d) - amountBefore(a, i, d)
    const itemB = amountBefore(b, k + 1, d) - amountBefore(b, k, d)
    totals[d] = amountBefore(a, a.jobs.length, d) - itemA + itemB
  }
  if (!fitsTotals(model, a.vehicle)) return false
  return (
    fitsBetween(model, b, k, b, k + 2, a.jobs, i, i + 1) &&
    fitsBetween(model, a, i, a, i + 2, b.jobs, k, k + 1)
  )
}

/** Necessary conditions for a[..cutA) + b[cutB..] and b[..cutB) + a[cutA..]. */
export function canExchangeTails(
  model: Model,
  a: RouteState,
  cutA: number,
  b: RouteState,
  cutB: number,
): boolean {
  for (let d = 0; d < 4; d++)
    totals[d] =
      amountBefore(a, cutA, d) + amountBefore(b, b.jobs.length, d) - amountBefore(b, cutB, d)
  if (!fitsTotals(model, a.vehicle)) return false
  for (let d = 0; d < 4; d++)
    totals[d] =
      amountBefore(b, cutB, d) + amountBefore(a, a.jobs.length, d) - amountBefore(a, cutA, d)
  if (!fitsTotals(model, b.vehicle)) return false
  // The caches' latest starts belong to the old vehicle: exact for a homogeneous fleet, and the
  // full simulation decides anyway.
  return (
    fitsBetween(model, a, cutA, b, cutB + 1, a.jobs, 0, 0) &&
    fitsBetween(model, b, cutB, a, cutA + 1, a.jobs, 0, 0)
  )
}

/**
 * Whether leaving head's cache position x at its earliest, serving source[from .. to) and then
 * reaching tail's cache position y is on time for y's latest start (O(to - from)).
 */
function fitsBetween(
  model: Model,
  head: RouteState,
  x: number,
  tail: RouteState,
  y: number,
  source: readonly number[],
  from: number,
  to: number,
): boolean {
  const size = model.size
  let location = head.location(model, x)
  let time =
    (head.earliest[x] as number) +
    (x >= 1 && x <= head.jobs.length
      ? (model.jobServiceS[head.jobs[x - 1] as number] as number)
      : 0)
  for (let q = from; q < to; q++) {
    const j = source[q] as number
    const next = model.jobLocation[j] as number
    time = serviceStart(model, j, time + (model.duration[location * size + next] as number))
    if (time === Infinity) return false
    time += model.jobServiceS[j] as number
    location = next
  }
  const next = tail.location(model, y)
  return (
    time + (model.duration[location * size + next] as number) <=
    (tail.latest[y] as number) + TIME_EPSILON
  )
}
