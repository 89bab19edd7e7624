import type { Problem } from '../problem.js'

/**
 * The problem compiled into flat typed arrays: the search reads only this.
 * Costs are per meter and per second; loads have two dimensions (0 = kg, 1 = m³).
 */
export interface Model {
  jobCount: number
  vehicleCount: number
  size: number
  distance: Float64Array
  duration: Float64Array
  jobLocation: Int32Array
  jobServiceS: Float64Array
  jobDelivery0: Float64Array
  jobDelivery1: Float64Array
  jobPickup0: Float64Array
  jobPickup1: Float64Array
  /** Windows of job j are windowStart/End[windowOffset[j] .. windowOffset[j+1]), sorted, disjoint. */
  windowOffset: Int32Array
  windowStart: Float64Array
  windowEnd: Float64Array
  vehicleStart: Int32Array
  vehicleEnd: Int32Array
  capacity0: Float64Array
  capacity1: Float64Array
  shiftStartS: Float64Array
  shiftEndS: Float64Array
  maxDurationS: Float64Array
  maxDistanceM: Float64Array
  fixedCost: Float64Array
  costPerM: Float64Array
  costPerS: Float64Array
  /** Vehicles with identical attributes share a class; a new route needs only one per class. */
  vehicleClass: Int32Array
  classCount: number
  /** True when a vehicle has a finite duration limit, so insertions must simulate the route. */
  hasDurationLimit: Uint8Array
  /** Added per used vehicle for the 'vehicles-then-distance' objective. */
  vehiclePenalty: number
}

/** Compiles a problem; throws only on programmer errors (bad indices, bad windows). */
export function compileModel(problem: Problem): Model {
  const { jobs, vehicles, matrix } = problem
  const size = matrix.size
  const n = jobs.length
  const m = vehicles.length
  const hierarchical = problem.objective === 'vehicles-then-distance'
  const checkLocation = (location: number, what: string): void => {
    if (!Number.isInteger(location) || location < 0 || location >= size) {
      throw new Error(`${what} has location ${location} outside the travel matrix (size ${size})`)
    }
  }
  const windowOffset = new Int32Array(n + 1)
  const starts: number[] = []
  const ends: number[] = []
  const model: Model = {
    jobCount: n,
    vehicleCount: m,
    size,
    distance: matrix.distancesM,
    duration: matrix.durationsS,
    jobLocation: new Int32Array(n),
    jobServiceS: new Float64Array(n),
    jobDelivery0: new Float64Array(n),
    jobDelivery1: new Float64Array(n),
    jobPickup0: new Float64Array(n),
    jobPickup1: new Float64Array(n),
    windowOffset,
    windowStart: new Float64Array(0),
    windowEnd: new Float64Array(0),
    vehicleStart: new Int32Array(m),
    vehicleEnd: new Int32Array(m),
    capacity0: new Float64Array(m),
    capacity1: new Float64Array(m),
    shiftStartS: new Float64Array(m),
    shiftEndS: new Float64Array(m),
    maxDurationS: new Float64Array(m),
    maxDistanceM: new Float64Array(m),
    fixedCost: new Float64Array(m),
    costPerM: new Float64Array(m),
    costPerS: new Float64Array(m),
    vehicleClass: new Int32Array(m),
    classCount: 0,
    hasDurationLimit: new Uint8Array(m),
    vehiclePenalty: 0,
  }
  jobs.forEach((job, j) => {
    checkLocation(job.location, `job ${job.id}`)
    model.jobLocation[j] = job.location
    model.jobServiceS[j] = job.serviceS ?? 0
    model.jobDelivery0[j] = job.delivery?.weightKg ?? 0
    model.jobDelivery1[j] = job.delivery?.volumeM3 ?? 0
    model.jobPickup0[j] = job.pickup?.weightKg ?? 0
    model.jobPickup1[j] = job.pickup?.volumeM3 ?? 0
    const windows = [...(job.timeWindows ?? [{ startS: -Infinity, endS: Infinity }])].sort(
      (a, b) => a.startS - b.startS,
    )
    for (const w of windows) {
      if (!(w.startS <= w.endS))
        throw new Error(`job ${job.id} has a time window that ends before it starts`)
      starts.push(w.startS)
      ends.push(w.endS)
    }
    windowOffset[j + 1] = starts.length
  })
  model.windowStart = Float64Array.from(starts)
  model.windowEnd = Float64Array.from(ends)
  const classKeys = new Map<string, number>()
  let maxDistance = 0
  for (let i = 0; i < matrix.distancesM.length; i++) {
    const d = matrix.distancesM[i] as number
    if (Number.isFinite(d) && d > maxDistance) maxDistance = d
  }
  // Larger than any possible total distance, so one vehicle fewer always wins.
  model.vehiclePenalty = hierarchical ? Math.max(1, maxDistance) * (n + 2) * 2 : 0
  vehicles.forEach((v, k) => {
    checkLocation(v.startLocation, `vehicle ${v.id}`)
    checkLocation(v.endLocation, `vehicle ${v.id}`)
    model.vehicleStart[k] = v.startLocation
    model.vehicleEnd[k] = v.endLocation
    model.capacity0[k] = v.capacity.weightKg
    model.capacity1[k] = v.capacity.volumeM3
    model.shiftStartS[k] = v.shift?.startS ?? 0
    model.shiftEndS[k] = v.shift?.endS ?? Infinity
    model.maxDurationS[k] = v.maxDurationS ?? Infinity
    model.maxDistanceM[k] = v.maxDistanceM ?? Infinity
    model.hasDurationLimit[k] = Number.isFinite(model.maxDurationS[k]) ? 1 : 0
    // The hierarchical objective ignores money: distance only, plus the per-vehicle penalty.
    model.fixedCost[k] = hierarchical ? model.vehiclePenalty : (v.fixedCost ?? 0)
    model.costPerM[k] = hierarchical ? 1 : (v.costPerKm ?? 1) / 1000
    model.costPerS[k] = hierarchical ? 0 : (v.costPerHour ?? 0) / 3600
    const key = [
      v.startLocation,
      v.endLocation,
      v.capacity.weightKg,
      v.capacity.volumeM3,
      model.shiftStartS[k],
      model.shiftEndS[k],
      model.maxDurationS[k],
      model.maxDistanceM[k],
      model.fixedCost[k],
      model.costPerM[k],
      model.costPerS[k],
    ].join('|')
    let cls = classKeys.get(key)
    if (cls === undefined) {
      cls = classKeys.size
      classKeys.set(key, cls)
    }
    model.vehicleClass[k] = cls
  })
  model.classCount = classKeys.size
  return model
}

// Rounding slack: forward and backward passes add the same floats in different orders.
const WINDOW_EPSILON = 1e-7

/** Earliest service start at job j when arriving at arrivalS, or Infinity if every window has closed. */
export function serviceStart(model: Model, job: number, arrivalS: number): number {
  const end = model.windowOffset[job + 1] as number
  for (let w = model.windowOffset[job] as number; w < end; w++) {
    if (arrivalS <= (model.windowEnd[w] as number) + WINDOW_EPSILON)
      return Math.max(arrivalS, model.windowStart[w] as number)
  }
  return Infinity
}

/** Latest service start at job j that still allows starting by latestS: -Infinity if none. */
export function latestServiceStart(model: Model, job: number, latestS: number): number {
  const begin = model.windowOffset[job] as number
  for (let w = (model.windowOffset[job + 1] as number) - 1; w >= begin; w--) {
    if ((model.windowStart[w] as number) <= latestS + WINDOW_EPSILON)
      return Math.min(latestS, model.windowEnd[w] as number)
  }
  return -Infinity
}
