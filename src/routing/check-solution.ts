// Written apart from the solver on purpose: it shares no code with engine/, so a solver bug
// cannot hide behind the same bug here. Only the matrix accessors are common.
import { travelDistance, travelTime } from './matrix/travel-matrix.js'
import type { Job, Problem, TimeWindow, Vehicle } from './problem.js'
import type { RoutePlan, Visit } from './solution.js'

export interface CheckInput {
  routes: readonly (RoutePlan & { distanceM?: number; cost?: number })[]
  unassigned: readonly { jobId: string }[]
  /** When given, must match the recomputed total cost. */
  cost?: number
}

export interface CheckResult {
  feasible: boolean
  violations: string[]
  /** Recomputed fixed + per-km + per-hour cost of the used vehicles. */
  cost: number
  distanceM: number
  vehicleCount: number
}

// Schedules are floats; a feasible plan can miss a bound by rounding noise, never by more.
const TOLERANCE = 1e-6

/** Validates every constraint of a plan and recomputes its cost; never throws on bad plans. */
export function checkSolution(problem: Problem, solution: CheckInput): CheckResult {
  const violations: string[] = []
  const jobsById = new Map(problem.jobs.map((job) => [job.id, job]))
  const vehiclesById = new Map(problem.vehicles.map((vehicle) => [vehicle.id, vehicle]))
  const seen = new Map<string, number>()
  const count = (jobId: string): void => {
    seen.set(jobId, (seen.get(jobId) ?? 0) + 1)
  }
  let cost = 0
  let distanceM = 0
  let vehicleCount = 0
  const usedVehicles = new Set<string>()
  for (const route of solution.routes) {
    const vehicle = vehiclesById.get(route.vehicleId)
    if (vehicle === undefined) {
      violations.push(`route uses unknown vehicle ${route.vehicleId}`)
      continue
    }
    if (usedVehicles.has(vehicle.id))
      violations.push(`vehicle ${vehicle.id} drives more than one route`)
    usedVehicles.add(vehicle.id)
    route.jobIds.forEach(count)
    if (route.jobIds.length === 0) continue
    const jobs = route.jobIds.map((id) => jobsById.get(id))
    if (jobs.some((job) => job === undefined)) {
      violations.push(`vehicle ${vehicle.id} visits an unknown job`)
      continue
    }
    const result = checkRoute(problem, vehicle, jobs as Job[], violations)
    vehicleCount++
    cost += result.cost
    distanceM += result.distanceM
    if (
      route.distanceM !== undefined &&
      Math.abs(route.distanceM - result.distanceM) > TOLERANCE * Math.max(1, result.distanceM)
    ) {
      violations.push(
        `vehicle ${vehicle.id}: reported distance ${route.distanceM} but the route is ${result.distanceM}`,
      )
    }
  }
  for (const entry of solution.unassigned) count(entry.jobId)
  for (const job of problem.jobs) {
    const times = seen.get(job.id) ?? 0
    if (times !== 1)
      violations.push(
        `job ${job.id} appears ${times} times (must be exactly once, routed or unassigned)`,
      )
  }
  for (const id of seen.keys()) if (!jobsById.has(id)) violations.push(`unknown job ${id}`)
  if (
    solution.cost !== undefined &&
    Math.abs(solution.cost - cost) > TOLERANCE * Math.max(1, Math.abs(cost))
  ) {
    violations.push(`reported cost ${solution.cost} but recomputed ${cost}`)
  }
  return { feasible: violations.length === 0, violations, cost, distanceM, vehicleCount }
}

/** One route re-walked by the checker: its timing, length, cost and what it breaks. */
export interface RouteEvaluation {
  visits: Visit[]
  departureS: number
  arrivalS: number
  distanceM: number
  durationS: number
  cost: number
  violations: string[]
}

/**
 * Walks one vehicle's stops in the given order with the checker's own rules (not the solver's):
 * for a clerk's manual change to a plan. Throws only for unknown vehicle or job ids.
 */
export function evaluateRoute(
  problem: Problem,
  vehicleId: string,
  jobIds: readonly string[],
): RouteEvaluation {
  const vehicle = problem.vehicles.find((v) => v.id === vehicleId)
  if (vehicle === undefined) throw new Error(`unknown vehicle ${vehicleId}`)
  const jobsById = new Map(problem.jobs.map((job) => [job.id, job]))
  const jobs = jobIds.map((id) => {
    const job = jobsById.get(id)
    if (job === undefined) throw new Error(`unknown job ${id}`)
    return job
  })
  const violations: string[] = []
  return { ...checkRoute(problem, vehicle, jobs, violations), violations }
}

function checkRoute(
  problem: Problem,
  vehicle: Vehicle,
  jobs: readonly Job[],
  violations: string[],
): Omit<RouteEvaluation, 'violations'> {
  const { matrix } = problem
  const shiftStartS = vehicle.shift?.startS ?? 0
  const shiftEndS = vehicle.shift?.endS ?? Infinity
  const sum = (pick: (job: Job) => number): number =>
    jobs.reduce((total, job) => total + pick(job), 0)
  // Everything to deliver is on board when leaving the depot.
  let weightKg = sum((job) => job.delivery?.weightKg ?? 0)
  let volumeM3 = sum((job) => job.delivery?.volumeM3 ?? 0)
  const checkLoad = (where: string): void => {
    if (weightKg > vehicle.capacity.weightKg + TOLERANCE)
      violations.push(`vehicle ${vehicle.id} carries ${weightKg} kg ${where}`)
    if (volumeM3 > vehicle.capacity.volumeM3 + TOLERANCE)
      violations.push(`vehicle ${vehicle.id} carries ${volumeM3} m³ ${where}`)
  }
  checkLoad('leaving the depot')
  let location = vehicle.startLocation
  let clockS = shiftStartS
  let departureS = shiftStartS
  let distanceM = 0
  const visits: Visit[] = []
  jobs.forEach((job, index) => {
    const legS = travelTime(matrix, location, job.location)
    const legM = travelDistance(matrix, location, job.location)
    if (!Number.isFinite(legS) || !Number.isFinite(legM))
      violations.push(`vehicle ${vehicle.id} cannot reach job ${job.id}`)
    distanceM += legM
    const arrivalS = clockS + legS
    const window = openWindow(job.timeWindows, arrivalS)
    if (window === undefined)
      violations.push(
        `vehicle ${vehicle.id} reaches job ${job.id} at ${arrivalS} after its windows`,
      )
    const startS = Math.max(arrivalS, window?.startS ?? arrivalS)
    if (index === 0) departureS = Math.max(shiftStartS, startS - legS)
    clockS = startS + (job.serviceS ?? 0)
    visits.push({ jobId: job.id, arrivalS, startS, departureS: clockS })
    weightKg += (job.pickup?.weightKg ?? 0) - (job.delivery?.weightKg ?? 0)
    volumeM3 += (job.pickup?.volumeM3 ?? 0) - (job.delivery?.volumeM3 ?? 0)
    checkLoad(`after job ${job.id}`)
    location = job.location
  })
  distanceM += travelDistance(matrix, location, vehicle.endLocation)
  const endS = clockS + travelTime(matrix, location, vehicle.endLocation)
  if (!(endS <= shiftEndS + TOLERANCE))
    violations.push(
      `vehicle ${vehicle.id} is back at ${endS}, after its shift ends at ${shiftEndS}`,
    )
  const durationS = endS - departureS
  if (durationS > (vehicle.maxDurationS ?? Infinity) + TOLERANCE) {
    violations.push(
      `vehicle ${vehicle.id} works ${durationS} s, over its limit of ${vehicle.maxDurationS ?? Infinity}`,
    )
  }
  if (distanceM > (vehicle.maxDistanceM ?? Infinity) + TOLERANCE) {
    violations.push(
      `vehicle ${vehicle.id} drives ${distanceM} m, over its limit of ${vehicle.maxDistanceM ?? Infinity}`,
    )
  }
  const cost =
    (vehicle.fixedCost ?? 0) +
    ((vehicle.costPerKm ?? 1) * distanceM) / 1000 +
    ((vehicle.costPerHour ?? 0) * durationS) / 3600
  return { visits, departureS, arrivalS: endS, distanceM, durationS, cost }
}

/** The window service starts in when arriving at arrivalS (waiting allowed), if any. */
function openWindow(
  windows: readonly TimeWindow[] | undefined,
  arrivalS: number,
): TimeWindow | undefined {
  if (windows === undefined || windows.length === 0) return { startS: -Infinity, endS: Infinity }
  const sorted = [...windows].sort((a, b) => a.startS - b.startS)
  return sorted.find((w) => arrivalS <= w.endS + TOLERANCE)
}
