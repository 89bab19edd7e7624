import { serviceStart, type Model } from '../engine/model.js'
import { durationWithInsertion, TIME_EPSILON, type RouteState } from '../engine/route-state.js'
import type { Random } from '../random.js'

/** Where a job goes best in one route: set by findBestInsertion. */
export interface InsertionChoice {
  position: number
  deltaCost: number
}

/**
 * Cheapest feasible position for job in route with a cost delta below bound, skipping each
 * position with probability blinkRate (SISR "blinks"). Capacity and windows are checked in O(1)
 * per position from the route caches. Returns false when no position beats bound.
 */
export function findBestInsertion(
  model: Model,
  route: RouteState,
  job: number,
  bound: number,
  random: Random,
  blinkRate: number,
  choice: InsertionChoice,
): boolean {
  const v = route.vehicle
  const capacity0 = model.capacity0[v] as number
  const capacity1 = model.capacity1[v] as number
  const delivery0 = model.jobDelivery0[job] as number
  const delivery1 = model.jobDelivery1[job] as number
  const pickup0 = model.jobPickup0[job] as number
  const pickup1 = model.jobPickup1[job] as number
  const costPerM = model.costPerM[v] as number
  const costPerS = model.costPerS[v] as number
  const maxDistanceM = model.maxDistanceM[v] as number
  const checkDuration = model.hasDurationLimit[v] === 1
  const size = model.size
  const distance = model.distance
  const duration = model.duration
  const jobs = route.jobs
  const jobLocation = model.jobLocation
  const jobServiceS = model.jobServiceS
  const { prefixMax0, prefixMax1, suffixMax0, suffixMax1, earliest, latest } = route
  const len = jobs.length
  const here = model.jobLocation[job] as number
  const serviceS = model.jobServiceS[job] as number
  const lastCloseS = model.windowEnd[(model.windowOffset[job + 1] as number) - 1] as number
  const firstOpenEndS =
    (model.windowStart[model.windowOffset[job] as number] as number) + serviceS - TIME_EPSILON
  let best = bound
  let bestPosition = -1
  let previous = model.vehicleStart[v] as number
  let previousServiceS = 0
  for (let p = 0; p <= len; p++) {
    const nextJob = p < len ? (jobs[p] as number) : -1
    const next = nextJob >= 0 ? (jobLocation[nextJob] as number) : (model.vehicleEnd[v] as number)
    const from = previous
    const fromServiceS = previousServiceS
    previous = next
    previousServiceS = nextJob >= 0 ? (jobServiceS[nextJob] as number) : 0
    // Earliest starts only grow along the route: past the job's last closing, nothing fits.
    if ((earliest[p] as number) > lastCloseS) break
    // Latest starts only grow too: skip positions whose successor must start before the job ends.
    if ((latest[p + 1] as number) < firstOpenEndS) continue
    if (blinkRate > 0 && random.next() < blinkRate) continue
    if ((prefixMax0[p] as number) + delivery0 > capacity0 + TIME_EPSILON) continue
    if ((prefixMax1[p] as number) + delivery1 > capacity1 + TIME_EPSILON) continue
    if ((suffixMax0[p] as number) + pickup0 > capacity0 + TIME_EPSILON) continue
    if ((suffixMax1[p] as number) + pickup1 > capacity1 + TIME_EPSILON) continue
    const inArc = from * size + here
    const outArc = here * size + next
    const oldArc = from * size + next
    const deltaDistance =
      (distance[inArc] as number) + (distance[outArc] as number) - (distance[oldArc] as number)
    let delta = costPerM * deltaDistance
    if (costPerS !== 0) {
      delta +=
        costPerS *
        ((duration[inArc] as number) + (duration[outArc] as number) - (duration[oldArc] as number))
    }
    if (!(delta < best)) continue
    const start = serviceStart(
      model,
      job,
      (earliest[p] as number) + fromServiceS + (duration[inArc] as number),
    )
    if (start === Infinity) continue
    if (start + serviceS + (duration[outArc] as number) > (latest[p + 1] as number) + TIME_EPSILON)
      continue
    if (route.distanceM + deltaDistance > maxDistanceM + TIME_EPSILON) continue
    if (
      checkDuration &&
      !fitsDuration(model, route, job, p, start + serviceS + (duration[outArc] as number))
    )
      continue
    best = delta
    bestPosition = p
  }
  if (bestPosition < 0) return false
  choice.position = bestPosition
  choice.deltaCost = best
  return true
}

/**
 * Whether the route stays within its duration limit with job inserted after position, arriving
 * at the next stop at nextArrivalS. The push is propagated forward only until waiting absorbs
 * it (then the end, and so the duration, is unchanged); an O(1) lower bound rejects first.
 */
function fitsDuration(
  model: Model,
  route: RouteState,
  job: number,
  position: number,
  nextArrivalS: number,
): boolean {
  const limitS = (model.maxDurationS[route.vehicle] as number) + TIME_EPSILON
  // A new first stop moves the departure too: simulate the whole route.
  if (position === 0) return durationWithInsertion(model, route, job, position) <= limitS
  const len = route.jobs.length
  const { earliest, waitSuffix } = route
  const departureS = (earliest[len + 1] as number) - route.durationS
  const next = position + 1
  const waitNextS = next > len ? 0 : (waitSuffix[next] as number) - (waitSuffix[next + 1] as number)
  const pushS = nextArrivalS - ((earliest[next] as number) - waitNextS)
  if (pushS <= 0) return durationWithInsertion(model, route, job, position) <= limitS
  if (
    (earliest[len + 1] as number) + Math.max(0, pushS - (waitSuffix[next] as number)) - departureS >
    limitS
  )
    return false
  const size = model.size
  let arrivalS = nextArrivalS
  for (let k = next; k <= len; k++) {
    const j = route.jobs[k - 1] as number
    const startS = serviceStart(model, j, arrivalS)
    if (startS <= (earliest[k] as number)) return true
    const after =
      k < len
        ? (model.jobLocation[route.jobs[k] as number] as number)
        : (model.vehicleEnd[route.vehicle] as number)
    arrivalS =
      startS +
      (model.jobServiceS[j] as number) +
      (model.duration[(model.jobLocation[j] as number) * size + after] as number)
  }
  return arrivalS - departureS <= limitS
}
