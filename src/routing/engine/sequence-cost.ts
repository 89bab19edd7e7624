import { serviceStart, type Model } from './model.js'
import { TIME_EPSILON } from './route-state.js'

/**
 * Cost of vehicle driving jobs[0 .. length) in order, or Infinity when the route breaks a
 * capacity, window, shift, duration or distance limit. The same rules as RouteState.update, in one
 * forward pass without caches (O(length), allocates nothing): local search prices moves with it.
 */
export function sequenceCost(
  model: Model,
  vehicle: number,
  jobs: readonly number[],
  length: number,
): number {
  if (length === 0) return 0
  const size = model.size
  const capacity0 = (model.capacity0[vehicle] as number) + TIME_EPSILON
  const capacity1 = (model.capacity1[vehicle] as number) + TIME_EPSILON
  // Deliveries are all on board at the start; pickups stay on board to the end.
  let load0 = 0
  let load1 = 0
  for (let p = 0; p < length; p++) {
    const j = jobs[p] as number
    load0 += model.jobDelivery0[j] as number
    load1 += model.jobDelivery1[j] as number
  }
  if (load0 > capacity0 || load1 > capacity1) return Infinity
  let location = model.vehicleStart[vehicle] as number
  let time = model.shiftStartS[vehicle] as number
  let departure = time
  let distance = 0
  for (let p = 0; p < length; p++) {
    const j = jobs[p] as number
    const next = model.jobLocation[j] as number
    const arc = location * size + next
    distance += model.distance[arc] as number
    const travel = model.duration[arc] as number
    time = serviceStart(model, j, time + travel)
    if (time === Infinity) return Infinity
    if (p === 0) departure = Math.max(departure, time - travel)
    time += model.jobServiceS[j] as number
    load0 += (model.jobPickup0[j] as number) - (model.jobDelivery0[j] as number)
    load1 += (model.jobPickup1[j] as number) - (model.jobDelivery1[j] as number)
    if (load0 > capacity0 || load1 > capacity1) return Infinity
    location = next
  }
  const endArc = location * size + (model.vehicleEnd[vehicle] as number)
  distance += model.distance[endArc] as number
  time += model.duration[endArc] as number
  if (!Number.isFinite(time) || time > (model.shiftEndS[vehicle] as number) + TIME_EPSILON)
    return Infinity
  const durationS = time - departure
  if (distance > (model.maxDistanceM[vehicle] as number) + TIME_EPSILON) return Infinity
  if (durationS > (model.maxDurationS[vehicle] as number) + TIME_EPSILON) return Infinity
  return (
    (model.fixedCost[vehicle] as number) +
    (model.costPerM[vehicle] as number) * distance +
    (model.costPerS[vehicle] as number) * durationS
  )
}
