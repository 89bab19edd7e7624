import type { Meters, Seconds } from '../units.js'

/**
 * Distances and travel times between locations 0..size-1, row-major (from * size + to).
 * A non-finite entry means the destination cannot be reached from the origin.
 */
export interface TravelMatrix {
  size: number
  distancesM: Float64Array
  durationsS: Float64Array
}

/** A point on the earth, degrees. */
export interface GeoPoint {
  lat: number
  lon: number
  /** Road class of the access road; the default provider picks the speed from it. */
  roadClass?: string
}

/** Builds a travel matrix for a list of points (index i of the matrix is points[i]). */
export interface TravelMatrixProvider {
  buildMatrix(points: readonly GeoPoint[]): Promise<TravelMatrix>
}

/** Travel time in seconds from one location to another: the one accessor for durations. */
export function travelTime(matrix: TravelMatrix, from: number, to: number): Seconds {
  return matrix.durationsS[from * matrix.size + to] as Seconds
}

/** Travel distance in meters from one location to another. */
export function travelDistance(matrix: TravelMatrix, from: number, to: number): Meters {
  return matrix.distancesM[from * matrix.size + to] as Meters
}

/** Wraps given square tables (row-major or nested rows) as a matrix; durations default to distances. */
export function createGivenMatrix(
  distancesM: ArrayLike<number> | readonly (readonly number[])[],
  durationsS?: ArrayLike<number> | readonly (readonly number[])[],
): TravelMatrix {
  const distances = flatten(distancesM)
  const size = Math.round(Math.sqrt(distances.length))
  if (size * size !== distances.length) throw new Error('a travel matrix must be square')
  const durations = durationsS === undefined ? distances : flatten(durationsS)
  if (durations.length !== distances.length)
    throw new Error('distance and duration tables differ in size')
  return { size, distancesM: distances, durationsS: durations }
}

function flatten(table: ArrayLike<number> | readonly (readonly number[])[]): Float64Array {
  const first = table[0]
  if (Array.isArray(first)) {
    const rows = table as readonly (readonly number[])[]
    const out = new Float64Array(rows.length * rows.length)
    rows.forEach((row, i) => {
      if (row.length !== rows.length) throw new Error('a travel matrix must be square')
      out.set(row, i * rows.length)
    })
    return out
  }
  return Float64Array.from(table as ArrayLike<number>)
}
