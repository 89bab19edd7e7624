import type { Random } from '../random.js'
import type { Model } from './model.js'
import { emptyRoute } from './candidate.js'
import { buildNeighbours } from './neighbours.js'
import type { RouteState } from './route-state.js'

/** Everything the ruin and recreate steps share; built once per solve. */
export interface SearchContext {
  model: Model
  random: Random
  neighbours: Int32Array[]
  /** Vehicles of each class, in input order. */
  classVehicles: number[][]
  /** Scratch: which route serves each job (-1 none) and where; rebuilt per iteration. */
  routeOfJob: Int32Array
  /** Scratch: index of each job in its route (with routeOfJob), for local search. */
  positionOfJob: Int32Array
  /** Scratch: per route index, 1 while local search still has to scan the route. */
  routeDirty: Uint8Array
  /** Local search tries each job's moves with this many nearest neighbours (0: no local search). */
  localSearchNeighbours: number
  /** Scratch: vehicle already used in the working solution. */
  vehicleUsed: Uint8Array
  /** Scratch: job removed during the current ruin. */
  removedMark: Uint8Array
  /** Average number of removed jobs per ruin (SISR c̄). */
  averageRemoved: number
  /** Longest string removed from one route (SISR L^max). */
  maxStringLength: number
  blinkRate: number
  /** Recreate tries first the routes of this many nearest neighbours (0: always all routes). */
  insertionNeighbours: number
  /** Scratch: per route index, the last job whose neighbour scan visited it. */
  routeMark: Int32Array
  /** False while minimising the fleet: recreate then never opens a route. */
  allowNewRoutes: boolean
  /** One shared, never-mutated empty route per vehicle class, for evaluating new routes. */
  emptyRoutes: RouteState[]
  /** 'free' when no vehicle has a fixed cost: a new route then competes with every insertion. */
  vehicleCost: 'free' | 'fixed'
  /** Distance of each job from the first vehicle's start, for the recreate orderings. */
  depotDistance: Float64Array
  /** delivery + pickup relative to the first vehicle's capacity, both dimensions. */
  jobSize: Float64Array
}

/** Builds the shared search state (neighbour lists cost O(n² log n) once). */
export function createSearchContext(model: Model, random: Random): SearchContext {
  const n = model.jobCount
  const classVehicles: number[][] = Array.from({ length: model.classCount }, () => [])
  for (let v = 0; v < model.vehicleCount; v++)
    classVehicles[model.vehicleClass[v] as number]?.push(v)
  const depot = model.vehicleCount > 0 ? (model.vehicleStart[0] as number) : 0
  const depotDistance = new Float64Array(n)
  const jobSize = new Float64Array(n)
  const capacity0 = model.vehicleCount > 0 ? (model.capacity0[0] as number) : 1
  const capacity1 = model.vehicleCount > 0 ? (model.capacity1[0] as number) : 1
  for (let j = 0; j < n; j++) {
    depotDistance[j] = model.distance[
      depot * model.size + (model.jobLocation[j] as number)
    ] as number
    const weight = (model.jobDelivery0[j] as number) + (model.jobPickup0[j] as number)
    const volume = (model.jobDelivery1[j] as number) + (model.jobPickup1[j] as number)
    jobSize[j] =
      (capacity0 > 0 ? weight / capacity0 : weight) +
      (capacity1 > 0 && Number.isFinite(capacity1) ? volume / capacity1 : 0)
  }
  return {
    model,
    random,
    neighbours: buildNeighbours(model, 100),
    classVehicles,
    routeOfJob: new Int32Array(n),
    positionOfJob: new Int32Array(n),
    routeDirty: new Uint8Array(model.vehicleCount + 1),
    localSearchNeighbours: 0,
    vehicleUsed: new Uint8Array(model.vehicleCount),
    removedMark: new Uint8Array(n),
    averageRemoved: 10,
    maxStringLength: 10,
    blinkRate: 0.01,
    insertionNeighbours: 40,
    routeMark: new Int32Array(model.vehicleCount + 1),
    allowNewRoutes: true,
    emptyRoutes: classVehicles.map((vehicles) => emptyRoute(model, vehicles[0] as number, -3)),
    vehicleCost: model.fixedCost.some((c) => c > 0) ? 'fixed' : 'free',
    depotDistance,
    jobSize,
  }
}
