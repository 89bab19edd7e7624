import { emptyRoute } from '../engine/candidate.js'
import type { RouteState } from '../engine/route-state.js'
import type { SearchContext } from '../engine/search-context.js'
import { findBestInsertion, type InsertionChoice } from './best-insertion.js'

const choice: InsertionChoice = { position: -1, deltaCost: 0 }

/**
 * Route-by-route construction (after Solomon's I1): fill one vehicle at a time, largest capacity
 * first, seeding with the farthest job that fits and then adding the job whose insertion saves
 * most against serving it alone. Slower than greedy insertion (O(n² · route)), but it packs tight
 * fleets better, so solve uses it when the greedy plan leaves jobs out.
 */
export function constructSequential(
  context: SearchContext,
  jobs: readonly number[],
  stamp: number,
): { routes: RouteState[]; unassigned: number[] } {
  const { model, random } = context
  const remaining = jobs.slice()
  const routes: RouteState[] = []
  const vehicles = Array.from({ length: model.vehicleCount }, (_, v) => v).sort(
    (a, b) => (model.capacity0[b] as number) - (model.capacity0[a] as number) || a - b,
  )
  for (const vehicle of vehicles) {
    if (remaining.length === 0) break
    const route = emptyRoute(model, vehicle, stamp)
    for (;;) {
      let bestIndex = -1
      let bestPosition = -1
      let bestScore = -Infinity
      for (let k = 0; k < remaining.length; k++) {
        const job = remaining[k] as number
        if (!findBestInsertion(model, route, job, Infinity, random, 0, choice)) continue
        // Seed with the farthest job; then the job saving most against a trip of its own.
        const aloneCost =
          2 * (context.depotDistance[job] as number) * (model.costPerM[vehicle] as number)
        const score =
          route.jobs.length === 0
            ? (context.depotDistance[job] as number)
            : aloneCost - choice.deltaCost
        if (score > bestScore) {
          bestScore = score
          bestIndex = k
          bestPosition = choice.position
        }
      }
      if (bestIndex < 0) break
      route.jobs.splice(bestPosition, 0, remaining[bestIndex] as number)
      route.update(model)
      remaining[bestIndex] = remaining[remaining.length - 1] as number
      remaining.pop()
    }
    if (route.jobs.length > 0) routes.push(route)
  }
  return { routes, unassigned: remaining }
}
