import { latestServiceStart, serviceStart, type Model } from './model.js'

// Rounding slack for schedule comparisons: forward and backward passes add the same floats in
// different orders, so they can disagree by ~1e-12 on feasible routes.
export const TIME_EPSILON = 1e-7

/**
 * One vehicle's route with caches for O(1) insertion checks. Position 0 is the start depot,
 * 1..length the jobs, length+1 the end depot. Copy-on-write: a route that belongs to an accepted
 * solution is never mutated; the search clones it (stamp marks the owning iteration).
 */
export class RouteState {
  jobs: number[]
  stamp = -1
  /** Earliest service start per position (departure at 0, arrival at length+1). */
  earliest: Float64Array = new Float64Array(0)
  /** Latest service start per position that keeps the rest of the route on time. */
  latest: Float64Array = new Float64Array(0)
  /** Load on board after serving each position 0..length, both dimensions. */
  load0: Float64Array = new Float64Array(0)
  load1: Float64Array = new Float64Array(0)
  prefixMax0: Float64Array = new Float64Array(0)
  prefixMax1: Float64Array = new Float64Array(0)
  /** suffixMax[p] = max load after positions p..length; -Infinity at length+1. */
  suffixMax0: Float64Array = new Float64Array(0)
  suffixMax1: Float64Array = new Float64Array(0)
  /** Waiting (service start - arrival) summed over positions p..length+1. */
  waitSuffix: Float64Array = new Float64Array(0)
  distanceM = 0
  durationS = 0
  cost = 0
  feasible = true

  constructor(
    readonly vehicle: number,
    jobs: number[],
  ) {
    this.jobs = jobs
  }

  /**
   * A private copy for a mutation: only the job sequence is copied, since every caller changes
   * the sequence and then calls update(), which rebuilds the caches anyway.
   */
  clone(stamp: number): RouteState {
    const copy = new RouteState(this.vehicle, this.jobs.slice())
    copy.stamp = stamp
    return copy
  }

  location(model: Model, position: number): number {
    if (position === 0) return model.vehicleStart[this.vehicle] as number
    if (position > this.jobs.length) return model.vehicleEnd[this.vehicle] as number
    return model.jobLocation[this.jobs[position - 1] as number] as number
  }

  /** Recomputes every cache in O(length); sets feasible. */
  update(model: Model): void {
    const v = this.vehicle
    const len = this.jobs.length
    if (this.earliest.length < len + 2) this.allocate(len + 8)
    const size = model.size
    let feasible = true
    let delivery0 = 0
    let delivery1 = 0
    for (let p = 0; p < len; p++) {
      const j = this.jobs[p] as number
      delivery0 += model.jobDelivery0[j] as number
      delivery1 += model.jobDelivery1[j] as number
    }
    // Forward pass: times, loads, distance.
    let location = model.vehicleStart[v] as number
    let time = model.shiftStartS[v] as number
    let departure = time
    let distance = 0
    let load0 = delivery0
    let load1 = delivery1
    let max0 = load0
    let max1 = load1
    this.earliest[0] = time
    this.load0[0] = load0
    this.load1[0] = load1
    this.prefixMax0[0] = max0
    this.prefixMax1[0] = max1
    for (let p = 1; p <= len; p++) {
      const j = this.jobs[p - 1] as number
      const next = model.jobLocation[j] as number
      const arc = location * size + next
      distance += model.distance[arc] as number
      const arrival = time + (model.duration[arc] as number)
      time = serviceStart(model, j, arrival)
      // Waiting per position for now; turned into suffix sums after the pass.
      this.waitSuffix[p] = time - arrival
      if (time === Infinity) {
        feasible = false
        time = arrival
      }
      // Leave the depot just in time for the first stop: waiting there is not working time.
      if (p === 1) departure = Math.max(departure, time - (model.duration[arc] as number))
      this.earliest[p] = time
      time += model.jobServiceS[j] as number
      load0 += (model.jobPickup0[j] as number) - (model.jobDelivery0[j] as number)
      load1 += (model.jobPickup1[j] as number) - (model.jobDelivery1[j] as number)
      if (load0 > max0) max0 = load0
      if (load1 > max1) max1 = load1
      this.load0[p] = load0
      this.load1[p] = load1
      this.prefixMax0[p] = max0
      this.prefixMax1[p] = max1
      location = next
    }
    const endArc = location * size + (model.vehicleEnd[v] as number)
    distance += model.distance[endArc] as number
    time += model.duration[endArc] as number
    this.earliest[len + 1] = time
    this.waitSuffix[len + 1] = 0
    this.waitSuffix[0] = 0
    for (let p = len; p >= 1; p--)
      this.waitSuffix[p] = (this.waitSuffix[p] as number) + (this.waitSuffix[p + 1] as number)
    if (!Number.isFinite(time) || time > (model.shiftEndS[v] as number) + TIME_EPSILON)
      feasible = false
    if (
      max0 > (model.capacity0[v] as number) + TIME_EPSILON ||
      max1 > (model.capacity1[v] as number) + TIME_EPSILON
    ) {
      feasible = false
    }
    // Backward pass: latest starts and suffix load maxima.
    let latest = model.shiftEndS[v] as number
    let nextLocation = model.vehicleEnd[v] as number
    this.latest[len + 1] = latest
    this.suffixMax0[len + 1] = -Infinity
    this.suffixMax1[len + 1] = -Infinity
    let suffix0 = -Infinity
    let suffix1 = -Infinity
    for (let p = len; p >= 1; p--) {
      const j = this.jobs[p - 1] as number
      const here = model.jobLocation[j] as number
      const bound =
        latest -
        (model.duration[here * size + nextLocation] as number) -
        (model.jobServiceS[j] as number)
      latest = latestServiceStart(model, j, bound)
      this.latest[p] = latest
      suffix0 = Math.max(suffix0, this.load0[p] as number)
      suffix1 = Math.max(suffix1, this.load1[p] as number)
      this.suffixMax0[p] = suffix0
      this.suffixMax1[p] = suffix1
      nextLocation = here
    }
    this.latest[0] =
      latest - (model.duration[(model.vehicleStart[v] as number) * size + nextLocation] as number)
    this.suffixMax0[0] = Math.max(suffix0, this.load0[0])
    this.suffixMax1[0] = Math.max(suffix1, this.load1[0])
    this.distanceM = distance
    this.durationS = len === 0 ? 0 : time - departure
    if (distance > (model.maxDistanceM[v] as number) + TIME_EPSILON) feasible = false
    if (this.durationS > (model.maxDurationS[v] as number) + TIME_EPSILON) feasible = false
    this.feasible = feasible
    this.cost =
      len === 0
        ? 0
        : (model.fixedCost[v] as number) +
          (model.costPerM[v] as number) * distance +
          (model.costPerS[v] as number) * this.durationS
  }

  private allocate(capacity: number): void {
    // One buffer for all nine caches: a single allocation per new route.
    const buffer = new Float64Array(9 * capacity)
    const part = (k: number): Float64Array => buffer.subarray(k * capacity, (k + 1) * capacity)
    this.earliest = part(0)
    this.latest = part(1)
    this.load0 = part(2)
    this.load1 = part(3)
    this.prefixMax0 = part(4)
    this.prefixMax1 = part(5)
    this.suffixMax0 = part(6)
    this.suffixMax1 = part(7)
    this.waitSuffix = part(8)
  }
}

/** Duration of the route with job inserted after position, by full simulation (O(length)). */
export function durationWithInsertion(
  model: Model,
  route: RouteState,
  job: number,
  position: number,
): number {
  const v = route.vehicle
  const size = model.size
  let location = model.vehicleStart[v] as number
  let time = model.shiftStartS[v] as number
  let departure = time
  const len = route.jobs.length
  for (let p = 0; p <= len; p++) {
    const j = p === position ? job : (route.jobs[p < position ? p : p - 1] as number)
    const next = model.jobLocation[j] as number
    const travel = model.duration[location * size + next] as number
    time = serviceStart(model, j, time + travel)
    if (p === 0) departure = Math.max(departure, time - travel)
    time += model.jobServiceS[j] as number
    location = next
  }
  time += model.duration[location * size + (model.vehicleEnd[v] as number)] as number
  return time - departure
}
