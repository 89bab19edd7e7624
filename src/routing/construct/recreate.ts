import { emptyRoute, ownRoute } from '../engine/candidate.js'
import type { RouteState } from '../engine/route-state.js'
import type { SearchContext } from '../engine/search-context.js'
import { findBestInsertion, type InsertionChoice } from './best-insertion.js'

const choice: InsertionChoice = { position: -1, deltaCost: 0 }
// Set by cheapestNewRoute: module scratch, so the hot loop allocates nothing.
let newRouteCost = Infinity

/**
 * Greedy insertion with blinks (SISR recreate): jobs in a random order among four, each put at
 * its cheapest feasible position in the existing routes, else in a new route on a free vehicle.
 * Mutates routes (cloning touched ones under stamp); returns the jobs nothing could take.
 */
export function recreate(
  context: SearchContext,
  routes: RouteState[],
  jobs: number[],
  stamp: number,
  order: 'sisr' | 'farthest-first' = 'sisr',
): number[] {
  const { model } = context
  if (order === 'sisr') sortForInsertion(context, jobs)
  else {
    const { windowOffset, windowEnd } = context.model
    const closes = (j: number): number => windowEnd[(windowOffset[j + 1] as number) - 1] as number
    jobs.sort(
      (a, b) =>
        closes(a) - closes(b) ||
        (context.depotDistance[b] as number) - (context.depotDistance[a] as number),
    )
  }
  const unassigned: number[] = []
  const used = context.vehicleUsed
  used.fill(0)
  for (const route of routes) used[route.vehicle] = 1
  const routeOfJob = context.routeOfJob
  routeOfJob.fill(-1)
  routes.forEach((route, r) => {
    for (const j of route.jobs) routeOfJob[j] = r
  })
  const granular = context.insertionNeighbours > 0 && routes.length > 4
  for (const job of jobs) {
    bestRoute = -1
    bestPosition = -1
    bestCost = Infinity
    // Granular first: only routes serving one of the job's nearest neighbours; all if none fits.
    if (granular) tryNeighbourRoutes(context, routes, job)
    if (bestRoute < 0) {
      for (let r = 0; r < routes.length; r++) tryRoute(context, routes[r] as RouteState, r, job)
    }
    // A new route competes on cost: with free or cheap vehicles, more routes can be shorter.
    const vehicle =
      context.allowNewRoutes &&
      (context.vehicleCost === 'free' || order === 'farthest-first' || bestRoute < 0)
        ? cheapestNewRoute(context, job)
        : -1
    if (bestRoute >= 0 && (vehicle < 0 || newRouteCost >= bestCost)) {
      const route = ownRoute(routes, bestRoute, stamp)
      route.jobs.splice(bestPosition, 0, job)
      route.update(model)
      routeOfJob[job] = bestRoute
      continue
    }
    if (vehicle < 0) {
      unassigned.push(job)
      continue
    }
    const opened = emptyRoute(model, vehicle, stamp)
    opened.jobs.push(job)
    opened.update(model)
    used[vehicle] = 1
    routeOfJob[job] = routes.length
    routes.push(opened)
  }
  return unassigned
}

// Best insertion of the job being placed: module scratch, so the hot loop allocates nothing.
let bestRoute = -1
let bestPosition = -1
let bestCost = Infinity
let routeToken = 0

function tryRoute(context: SearchContext, route: RouteState, r: number, job: number): void {
  if (
    findBestInsertion(
      context.model,
      route,
      job,
      bestCost,
      context.random,
      context.blinkRate,
      choice,
    )
  ) {
    bestRoute = r
    bestPosition = choice.position
    bestCost = choice.deltaCost
  }
}

function tryNeighbourRoutes(context: SearchContext, routes: RouteState[], job: number): void {
  const { routeOfJob, routeMark } = context
  const neighbours = context.neighbours[job] as Int32Array
  const count = Math.min(neighbours.length, context.insertionNeighbours)
  routeToken++
  for (let k = 0; k < count; k++) {
    const r = routeOfJob[neighbours[k] as number] as number
    if (r < 0 || routeMark[r] === routeToken) continue
    routeMark[r] = routeToken
    tryRoute(context, routes[r] as RouteState, r, job)
  }
}

/** The free vehicle whose class serves job alone cheapest (cost in newRouteCost), or -1. */
function cheapestNewRoute(context: SearchContext, job: number): number {
  const { model, random } = context
  let bestVehicle = -1
  newRouteCost = Infinity
  for (const [cls, vehicles] of context.classVehicles.entries()) {
    // Templates are shared empty routes: evaluating an insertion never mutates them.
    const template = context.emptyRoutes[cls] as RouteState
    if (!findBestInsertion(model, template, job, Infinity, random, 0, choice)) continue
    const cost = (model.fixedCost[template.vehicle] as number) + choice.deltaCost
    if (cost >= newRouteCost) continue
    const vehicle = vehicles.find((v) => context.vehicleUsed[v] === 0)
    if (vehicle === undefined) continue
    bestVehicle = vehicle
    newRouteCost = cost
  }
  return bestVehicle
}

/** SISR orderings, weights 4:4:2:1 — random, largest first, farthest first, closest first. */
function sortForInsertion(context: SearchContext, jobs: number[]): void {
  const { random, jobSize, depotDistance } = context
  random.shuffle(jobs)
  const draw = random.int(11)
  if (draw < 4) return
  if (draw < 8) jobs.sort((a, b) => (jobSize[b] as number) - (jobSize[a] as number))
  else if (draw < 10)
    jobs.sort((a, b) => (depotDistance[b] as number) - (depotDistance[a] as number))
  else jobs.sort((a, b) => (depotDistance[a] as number) - (depotDistance[b] as number))
}
