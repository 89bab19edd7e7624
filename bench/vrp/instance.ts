/** A benchmark instance as read from a file: node 0 is the depot. */
export interface BenchInstance {
  name: string
  format: 'solomon' | 'vrplib'
  /** Family for the summary: C1, R2, RC1 … for Solomon, the name prefix (X) for VRPLIB. */
  family: string
  x: number[]
  y: number[]
  demand: number[]
  capacity: number
  /** Fleet size limit; Infinity when the format has none. */
  vehicleLimit: number
  /** Solomon only: ready time, due date and service time per node. */
  readyTime?: number[]
  dueDate?: number[]
  serviceTime?: number[]
  /** VRPLIB EDGE_WEIGHT_TYPE (EUC_2D, …). */
  edgeWeightType?: string
}

/** Lines without CR, trimmed, blank lines dropped: tolerant of CRLF and ragged spacing. */
export function toLines(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}
