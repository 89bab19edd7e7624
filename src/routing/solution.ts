import type { Problem } from './problem.js'

export type UnassignedReason =
  | 'unreachable'
  | 'capacity'
  | 'time-window'
  | 'max-distance'
  | 'max-duration'
  /** Each vehicle could serve it alone, but no plan found room for it next to the other jobs. */
  | 'no-room'

export interface UnassignedJob {
  jobId: string
  reason: UnassignedReason
}

export interface Visit {
  jobId: string
  arrivalS: number
  /** Service start: arrival, or the opening of the window if the vehicle waits. */
  startS: number
  departureS: number
}

export interface Route {
  vehicleId: string
  jobIds: string[]
  visits: Visit[]
  /** Departure from the start depot (as late as possible without delaying the first visit). */
  departureS: number
  arrivalS: number
  distanceM: number
  durationS: number
  cost: number
}

export interface SolveStats {
  iterations: number
  elapsedMs: number
  /** Time at which the returned solution was first found. */
  timeToBestMs: number
  stoppedBy: 'iterations' | 'time' | 'cancelled'
}

/** The plan the solver would return if stopped now, each time it changes (numbers only). */
export interface SolveImprovement {
  /** Since solve was called, including compiling the model and the first construction. */
  elapsedMs: number
  /** Fixed + per-km + per-hour cost of the routes, as Solution.cost. */
  cost: number
  distanceM: number
  durationS: number
  vehicles: number
  /** Jobs left out, including those no vehicle can serve (as Solution.unassigned). */
  unassigned: number
}

export interface Solution {
  routes: Route[]
  unassigned: UnassignedJob[]
  /** Fixed + per-km + per-hour cost of the used vehicles, whatever the objective. */
  cost: number
  distanceM: number
  vehicleCount: number
  stats: SolveStats
}

/** The plain job-id sequences of a solution: what checkSolution needs. */
export interface RoutePlan {
  vehicleId: string
  jobIds: readonly string[]
}

/** Money cost of one route: fixed + per km + per hour (distance m, duration s). */
export function routeCost(
  problem: Problem,
  vehicleIndex: number,
  distanceM: number,
  durationS: number,
): number {
  const vehicle = problem.vehicles[vehicleIndex]
  if (vehicle === undefined) throw new Error(`no vehicle at index ${vehicleIndex}`)
  return (
    (vehicle.fixedCost ?? 0) +
    ((vehicle.costPerKm ?? 1) * distanceM) / 1000 +
    ((vehicle.costPerHour ?? 0) * durationS) / 3600
  )
}
