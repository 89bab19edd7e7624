import type { Problem } from '../problem.js'
import {
  routeCost,
  type Route,
  type SolveImprovement,
  type SolveStats,
  type Solution,
  type UnassignedJob,
  type Visit,
} from '../solution.js'
import type { Candidate } from './candidate.js'
import { serviceStart, type Model } from './model.js'
import type { RouteState } from './route-state.js'

/** Turns the search's best candidate into the public solution with a full schedule per route. */
export function toSolution(
  problem: Problem,
  model: Model,
  best: Candidate,
  unservable: readonly UnassignedJob[],
  stats: SolveStats,
): Solution {
  const routes = best.routes.filter((r) => r.jobs.length > 0).map((r) => toRoute(problem, model, r))
  const unassigned = [
    ...unservable,
    ...best.unassigned.map((j): UnassignedJob => ({
      jobId: (problem.jobs[j] as { id: string }).id,
      reason: 'no-room',
    })),
  ]
  return {
    routes,
    unassigned,
    cost: routes.reduce((sum, r) => sum + r.cost, 0),
    distanceM: routes.reduce((sum, r) => sum + r.distanceM, 0),
    vehicleCount: routes.length,
    stats,
  }
}

/** The numbers of the best candidate so far, for progress traces (no schedule is built). */
export function toImprovement(
  best: Candidate,
  unservableCount: number,
  elapsedMs: number,
): SolveImprovement {
  let cost = 0
  let distanceM = 0
  let durationS = 0
  for (const route of best.routes) {
    cost += route.cost
    distanceM += route.distanceM
    durationS += route.durationS
  }
  const vehicles = best.routes.filter((route) => route.jobs.length > 0).length
  const unassigned = best.unassigned.length + unservableCount
  return { elapsedMs, cost, distanceM, durationS, vehicles, unassigned }
}

function toRoute(problem: Problem, model: Model, state: RouteState): Route {
  const v = state.vehicle
  const size = model.size
  const visits: Visit[] = []
  let location = model.vehicleStart[v] as number
  let time = model.shiftStartS[v] as number
  let departureS = time
  for (const [p, j] of state.jobs.entries()) {
    const next = model.jobLocation[j] as number
    const travelS = model.duration[location * size + next] as number
    const arrivalS = time + travelS
    const startS = serviceStart(model, j, arrivalS)
    if (p === 0) departureS = Math.max(departureS, startS - travelS)
    time = startS + (model.jobServiceS[j] as number)
    visits.push({
      jobId: (problem.jobs[j] as { id: string }).id,
      arrivalS: p === 0 ? startS : arrivalS,
      startS,
      departureS: time,
    })
    location = next
  }
  const arrivalS =
    time + (model.duration[location * size + (model.vehicleEnd[v] as number)] as number)
  return {
    vehicleId: (problem.vehicles[v] as { id: string }).id,
    jobIds: visits.map((visit) => visit.jobId),
    visits,
    departureS,
    arrivalS,
    distanceM: state.distanceM,
    durationS: arrivalS - departureS,
    cost: routeCost(problem, v, state.distanceM, arrivalS - departureS),
  }
}
