import type { GeoPoint, TravelMatrix, TravelMatrixProvider } from './travel-matrix.js'

export interface StraightLineOptions {
  /** Road distance / straight-line distance; mountain roads wind, so the default is generous. */
  circuityFactor?: number
  /** Speed per road class, km/h; a point's class sets the speed of trips touching it. */
  speedKmhByRoadClass?: Readonly<Record<string, number>>
  defaultSpeedKmh?: number
}

const EARTH_RADIUS_M = 6_371_008.8
export const DEFAULT_SPEEDS_KMH: Readonly<Record<string, number>> = {
  expressway: 80,
  national: 60,
  provincial: 50,
  county: 40,
  township: 30,
  village: 20,
}

/** Great-circle distance between two points, meters. */
export function haversineM(a: GeoPoint, b: GeoPoint): number {
  const toRad = Math.PI / 180
  const dLat = (b.lat - a.lat) * toRad
  const dLon = (b.lon - a.lon) * toRad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The default provider: haversine × circuity, at the slower road class of the two ends. */
export function createStraightLineProvider(
  options: StraightLineOptions = {},
): TravelMatrixProvider {
  return { buildMatrix: (points) => Promise.resolve(buildStraightLineMatrix(points, options)) }
}

/** Same as the provider, synchronously. */
export function buildStraightLineMatrix(
  points: readonly GeoPoint[],
  options: StraightLineOptions = {},
): TravelMatrix {
  const circuity = options.circuityFactor ?? 1.4
  const speeds = options.speedKmhByRoadClass ?? DEFAULT_SPEEDS_KMH
  const fallbackKmh = options.defaultSpeedKmh ?? 35
  const speedMps = points.map(
    (p) => ((p.roadClass === undefined ? undefined : speeds[p.roadClass]) ?? fallbackKmh) / 3.6,
  )
  const size = points.length
  const distancesM = new Float64Array(size * size)
  const durationsS = new Float64Array(size * size)
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i === j) continue
      const d = haversineM(points[i] as GeoPoint, points[j] as GeoPoint) * circuity
      distancesM[i * size + j] = d
      durationsS[i * size + j] = d / Math.min(speedMps[i] as number, speedMps[j] as number)
    }
  }
  return { size, distancesM, durationsS }
}
