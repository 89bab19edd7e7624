import { createGivenMatrix, type Objective, type Problem } from '../../src/routing/index.js'
import type { BenchInstance } from './instance.js'

/** Distance convention of the BKS table: euclid_double_2dp (Solomon) or euclid_nint_tsplib (X). */
export type Convention = 'euclid_double_2dp' | 'euclid_nint_tsplib'

export function conventionOf(instance: BenchInstance): Convention {
  return instance.format === 'solomon' ? 'euclid_double_2dp' : 'euclid_nint_tsplib'
}

/**
 * The instance as a routing problem: travel time = distance (speed 1), cost = distance
 * (costPerKm 1000 per matrix unit read as meters), identical vehicles up to the fleet limit.
 */
export function toProblem(instance: BenchInstance, objective: Objective): Problem {
  const n = instance.x.length
  const rounded = conventionOf(instance) === 'euclid_nint_tsplib'
  const distances = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const d = Math.hypot(
        (instance.x[i] as number) - (instance.x[j] as number),
        (instance.y[i] as number) - (instance.y[j] as number),
      )
      distances[i * n + j] = rounded ? Math.floor(d + 0.5) : d
    }
  }
  const matrix = createGivenMatrix(distances)
  const fleet = Math.min(instance.vehicleLimit, n - 1)
  const horizon =
    instance.readyTime && instance.dueDate
      ? { startS: instance.readyTime[0] ?? 0, endS: instance.dueDate[0] ?? Infinity }
      : undefined
  return {
    objective,
    matrix,
    jobs: instance.x.slice(1).map((_, k) => {
      const node = k + 1
      const ready = instance.readyTime?.[node]
      const due = instance.dueDate?.[node]
      return {
        id: String(node),
        location: node,
        delivery: { weightKg: instance.demand[node] ?? 0, volumeM3: 0 },
        serviceS: instance.serviceTime?.[node] ?? 0,
        timeWindows:
          ready === undefined || due === undefined ? undefined : [{ startS: ready, endS: due }],
      }
    }),
    vehicles: Array.from({ length: fleet }, (_, k) => ({
      id: `v${k + 1}`,
      startLocation: 0,
      endLocation: 0,
      capacity: { weightKg: instance.capacity, volumeM3: 0 },
      shift: horizon,
      costPerKm: 1000,
    })),
  }
}
