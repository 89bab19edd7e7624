import type { UnassignedReason } from '../solution.js'
import { serviceStart, type Model } from './model.js'

// Reasons in the order a lone trip runs into them; a job gets the furthest one any vehicle reached.
const CHECK_ORDER: readonly UnassignedReason[] = [
  'unreachable',
  'capacity',
  'time-window',
  'max-distance',
  'max-duration',
]

/** Why a job cannot be served even alone, by any vehicle; null when some vehicle can. */
export function diagnoseJob(model: Model, job: number): UnassignedReason | null {
  let furthest = -1
  for (let v = 0; v < model.vehicleCount; v++) {
    const failed = checkAlone(model, job, v)
    if (failed === null) return null
    furthest = Math.max(furthest, CHECK_ORDER.indexOf(failed))
  }
  return CHECK_ORDER[Math.max(0, furthest)] ?? 'unreachable'
}

function checkAlone(model: Model, job: number, vehicle: number): UnassignedReason | null {
  const size = model.size
  const here = model.jobLocation[job] as number
  const out = (model.vehicleStart[vehicle] as number) * size + here
  const back = here * size + (model.vehicleEnd[vehicle] as number)
  const arcs = [
    model.distance[out],
    model.distance[back],
    model.duration[out],
    model.duration[back],
  ]
  if (arcs.some((x) => x === undefined || !Number.isFinite(x))) return 'unreachable'
  const tooHeavy =
    (model.jobDelivery0[job] as number) > (model.capacity0[vehicle] as number) ||
    (model.jobDelivery1[job] as number) > (model.capacity1[vehicle] as number) ||
    (model.jobPickup0[job] as number) > (model.capacity0[vehicle] as number) ||
    (model.jobPickup1[job] as number) > (model.capacity1[vehicle] as number)
  if (tooHeavy) return 'capacity'
  const arrivalS = (model.shiftStartS[vehicle] as number) + (model.duration[out] as number)
  const startS = serviceStart(model, job, arrivalS)
  const endS = startS + (model.jobServiceS[job] as number) + (model.duration[back] as number)
  if (!Number.isFinite(startS) || endS > (model.shiftEndS[vehicle] as number) + 1e-7)
    return 'time-window'
  if (
    (model.distance[out] as number) + (model.distance[back] as number) >
    (model.maxDistanceM[vehicle] as number) + 1e-7
  ) {
    return 'max-distance'
  }
  // Leaving just in time for the job: the shortest duration a lone trip can have.
  const durationS = endS - startS + (model.duration[out] as number)
  if (durationS > (model.maxDurationS[vehicle] as number) + 1e-7) return 'max-duration'
  return null
}
