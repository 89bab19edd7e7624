import type { GeoPoint, TravelMatrix, TravelMatrixProvider } from './travel-matrix.js'

export interface OsrmOptions {
  /** e.g. http://osrm.internal:5000 (no trailing slash needed). */
  baseUrl: string
  profile?: string
  /** OSRM's --max-table-size (default 100): larger matrices are fetched in blocks. */
  maxTableSize?: number
  /** Injected for tests and for environments with their own HTTP client. */
  fetch?: (url: string) => Promise<{ ok: boolean; status: number; json: () => Promise<unknown> }>
}

interface OsrmTableResponse {
  code: string
  message?: string
  durations?: (number | null)[][]
  distances?: (number | null)[][]
}

/** A provider backed by an OSRM `table` service; unroutable pairs become Infinity. */
export function createOsrmProvider(options: OsrmOptions): TravelMatrixProvider {
  return { buildMatrix: (points) => fetchOsrmMatrix(points, options) }
}

/** Fetches durations (s) and distances (m) for all pairs, in blocks of at most maxTableSize². */
export async function fetchOsrmMatrix(
  points: readonly GeoPoint[],
  options: OsrmOptions,
): Promise<TravelMatrix> {
  const size = points.length
  const block = Math.max(1, Math.floor((options.maxTableSize ?? 100) / 2))
  const durationsS = new Float64Array(size * size)
  const distancesM = new Float64Array(size * size)
  for (let from = 0; from < size; from += block) {
    for (let to = 0; to < size; to += block) {
      const sources = range(from, Math.min(size, from + block))
      const destinations = range(to, Math.min(size, to + block))
      const table = await fetchBlock(points, sources, destinations, options)
      sources.forEach((i, row) => {
        destinations.forEach((j, column) => {
          durationsS[i * size + j] = table.durations?.[row]?.[column] ?? Infinity
          distancesM[i * size + j] = table.distances?.[row]?.[column] ?? Infinity
        })
      })
    }
  }
  return { size, durationsS, distancesM }
}

async function fetchBlock(
  points: readonly GeoPoint[],
  sources: number[],
  destinations: number[],
  options: OsrmOptions,
): Promise<OsrmTableResponse> {
  // One request carries the union of both sides; sources/destinations index into it.
  const union = [...new Set([...sources, ...destinations])]
  const position = new Map(union.map((point, k) => [point, k]))
  const coordinates = union
    .map((k) => `${(points[k] as GeoPoint).lon},${(points[k] as GeoPoint).lat}`)
    .join(';')
  const url =
    `${options.baseUrl.replace(/\/+$/, '')}/table/v1/${options.profile ?? 'driving'}/${coordinates}` +
    `?annotations=duration,distance&sources=${sources.map((k) => position.get(k)).join(';')}` +
    `&destinations=${destinations.map((k) => position.get(k)).join(';')}`
  const fetchJson = options.fetch ?? globalThis.fetch
  const response = await fetchJson(url)
  if (!response.ok) throw new Error(`OSRM table request failed with HTTP ${response.status}`)
  const body = (await response.json()) as OsrmTableResponse
  if (body.code !== 'Ok')
    throw new Error(`OSRM table request failed: ${body.code} ${body.message ?? ''}`.trim())
  return body
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, k) => start + k)
}
