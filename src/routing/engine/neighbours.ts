import type { Model } from './model.js'

/** For each job, the other jobs sorted by distance from it (at most limit of them). */
export function buildNeighbours(model: Model, limit: number): Int32Array[] {
  const n = model.jobCount
  const k = Math.min(limit, n - 1)
  const lists: Int32Array[] = []
  const order: number[] = []
  for (let j = 0; j < n; j++) order.push(j)
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const from = model.jobLocation[i] as number
    for (let j = 0; j < n; j++) {
      const to = model.jobLocation[j] as number
      // Both directions, so asymmetric matrices still give a sensible "near".
      const d =
        (model.distance[from * model.size + to] as number) +
        (model.distance[to * model.size + from] as number)
      keys[j] = Number.isNaN(d) ? Infinity : d
    }
    keys[i] = -1
    const sorted = order.slice().sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b)
    lists.push(Int32Array.from(sorted.slice(1, k + 1)))
  }
  return lists
}
