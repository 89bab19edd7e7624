import { checkSolution, solve } from '../../src/routing/index.js'
import { buildCountyDay } from './county-day.js'

export interface CountyDayResult {
  stations: number
  vehicles: number
  elapsedS: number
  routes: number
  unassigned: number
  cost: number
  distanceKm: number
  feasible: boolean
}

// The promise: a feasible plan for a full county day in under 10 s, including matrix and setup.
const COUNTY_DAY_LIMIT_MS = 8_000

/** Builds and solves the synthetic county day, prints one line and returns the figures. */
export async function runCountyDay(seed: number): Promise<CountyDayResult> {
  const startMs = performance.now()
  const problem = buildCountyDay()
  const solution = await solve(problem, {
    seed,
    timeLimitMs: COUNTY_DAY_LIMIT_MS - (performance.now() - startMs),
  })
  const elapsedS = (performance.now() - startMs) / 1000
  const check = checkSolution(problem, solution)
  const result: CountyDayResult = {
    stations: problem.jobs.length,
    vehicles: problem.vehicles.length,
    elapsedS,
    routes: check.vehicleCount,
    unassigned: solution.unassigned.length,
    cost: check.cost,
    distanceKm: check.distanceM / 1000,
    feasible: check.feasible,
  }
  const reasons = solution.unassigned
    .map((u) => `${u.jobId}:${u.reason}`)
    .slice(0, 5)
    .join(' ')
  process.stdout.write(
    `\ncounty day: ${result.stations} stations, ${result.vehicles} vehicles -> ${result.routes} routes, ` +
      `${result.unassigned} unassigned ${reasons}, cost ${result.cost.toFixed(0)}, ${result.distanceKm.toFixed(1)} km, ` +
      `${elapsedS.toFixed(2)} s total, checker ${check.feasible ? 'OK' : `FAILED ${check.violations.slice(0, 3).join('; ')}`}\n`,
  )
  return result
}
