// The best plan over time, as a solver reports it (SolveImprovement): what the solver benches
// read to say when a plan was good enough instead of how long the budget was (issue 14).

/** One point of the trace: the plan the solver would have returned if stopped at elapsedMs. */
export interface TracePoint {
  elapsedMs: number
  cost: number
  unassigned: number
}

/** Records each improvement; the points come in the order the solver found them. */
export function createCostTrace(): { points: TracePoint[]; record: (point: TracePoint) => void } {
  const points: TracePoint[] = []
  return {
    points,
    record: ({ elapsedMs, cost, unassigned }) => points.push({ elapsedMs, cost, unassigned }),
  }
}

/** The plan held at `ms`: the last point found at or before it, undefined before the first. */
export function bestAt(points: readonly TracePoint[], ms: number): TracePoint | undefined {
  let held: TracePoint | undefined
  for (const point of points) if (point.elapsedMs <= ms) held = point
  return held
}

/**
 * When the search first held a plan leaving out no more jobs than `target` and costing at most
 * `share` above it (0.01: within 1 %); undefined if it never did.
 */
export function timeToWithin(
  points: readonly TracePoint[],
  target: Pick<TracePoint, 'cost' | 'unassigned'>,
  share: number,
): number | undefined {
  const limit = target.cost * (1 + share)
  return points.find((p) => p.unassigned <= target.unassigned && p.cost <= limit)?.elapsedMs
}

/**
 * When the search first held a plan placing as many jobs as its final plan: the first plan a
 * clerk could use. Jobs no vehicle can serve count in both, so they do not hide it.
 */
export function timeToFirstComplete(points: readonly TracePoint[]): number | undefined {
  const last = points.at(-1)
  if (last === undefined) return undefined
  return points.find((p) => p.unassigned <= last.unassigned)?.elapsedMs
}

/** The relative gap of `cost` above `reference`, in percent. */
export function gapPercent(cost: number, reference: number): number {
  return (100 * (cost - reference)) / reference
}
