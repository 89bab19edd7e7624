import type { TravelMatrix } from './matrix/travel-matrix.js'

/** A closed interval of seconds from the planning origin (e.g. midnight of the planning day). */
export interface TimeWindow {
  startS: number
  endS: number
}

/** A load in both dimensions the fleet is limited by. */
export interface Amount {
  weightKg: number
  volumeM3: number
}

/**
 * A stop to visit once. Deliveries are loaded at the start depot and dropped here; pickups are
 * collected here and carried to the end depot, both on the same visit.
 */
export interface Job {
  id: string
  /** Index into the travel matrix. */
  location: number
  delivery?: Amount
  pickup?: Amount
  serviceS?: number
  /** Service must start inside one of them; none means any time within the vehicle's shift. */
  timeWindows?: TimeWindow[]
}

export interface Vehicle {
  id: string
  startLocation: number
  endLocation: number
  capacity: Amount
  /** Leaves the start depot no earlier than startS and is back at the end depot by endS. */
  shift?: TimeWindow
  maxDurationS?: number
  maxDistanceM?: number
  fixedCost?: number
  costPerKm?: number
  costPerHour?: number
}

/**
 * 'cost': fixed + per-km + per-hour cost summed over used vehicles.
 * 'vehicles-then-distance': fewest vehicles first, then shortest total distance.
 */
export type Objective = 'cost' | 'vehicles-then-distance'

export interface Problem {
  jobs: readonly Job[]
  vehicles: readonly Vehicle[]
  matrix: TravelMatrix
  objective?: Objective
}
