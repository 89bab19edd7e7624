// `npm run bench:dispatch [-- --stations 500 --parcels 20000 --vehicles 20 --time 3 --long 60]`:
// the county's daily plan through the logistics module (SQLite in memory): loading the day's
// parcels, building the routing problem, solving in the worker, checking and storing the trips.
// The solver always runs to its time limit, so wall time says nothing about solving; what this
// reports instead (issue 14):
// - the plan: cost, distance, duration, trips, what was left out;
// - when the first complete plan (every servable station placed) existed;
// - the pipeline's overhead apart from solving (load, build, worker start, check, store), against
//   a 20-station baseline in the same run (after one warm-up plan): the ratio says how the
//   overhead grows with the day, since machine noise cancels out of it;
// - with --long: one solve with that budget, traced, giving the best cost held at `--time`
//   seconds and at the end, and when it first came within 1 % of its final plan.
import { parseArgs } from 'node:util'
import type { Db } from '../../src/db/database.js'
import { plansInFlight, runPlan, startPlan } from '../../src/modules/logistics/index.js'
import type { SolveStats } from '../../src/routing/index.js'
import {
  bestAt,
  createCostTrace,
  gapPercent,
  timeToFirstComplete,
  timeToWithin,
} from '../support/cost-trace.js'
import { runHeader } from '../support/run-header.js'
import { prepareDay, system } from './prepare-day.js'

const { values } = parseArgs({
  options: {
    stations: { type: 'string', default: '500' },
    parcels: { type: 'string', default: '20000' },
    time: { type: 'string', default: '3' },
    vehicles: { type: 'string', default: '20' },
    long: { type: 'string' },
  },
})
const STATIONS = Number(values.stations)
const PARCELS = Number(values.parcels)
const VEHICLES = Number(values.vehicles)
const TIME_LIMIT_S = Number(values.time)
const LONG_LIMIT_S = values.long === undefined ? undefined : Number(values.long)

async function timePlan(db: Db, timeLimitS: number) {
  const solverTrace = createCostTrace()
  let stats: SolveStats | undefined
  let solvedAt = 0
  const started = performance.now()
  const job = await startPlan(db, system, { serviceDate: '2026-12-01', timeLimitS })
  const prepared = performance.now()
  const onSolved = (solved: SolveStats) => {
    stats = solved
    solvedAt = performance.now()
  }
  runPlan(db, job, { onImprove: solverTrace.record, onSolved })
  await Promise.all(plansInFlight)
  const finished = performance.now()
  const plan = await db
    .selectFrom('dispatch_plan')
    .selectAll()
    .where('id', '=', job.planId)
    .executeTakeFirstOrThrow()
  const trips = await db
    .selectFrom('trip')
    .select((eb) => eb.fn.sum<number | null>('duration_s').as('durationS'))
    .where('plan_id', '=', job.planId)
    .executeTakeFirstOrThrow()
  const summary = JSON.parse(plan.summary_json ?? '{}') as {
    trips?: number
    unassigned?: unknown[]
    checkerViolations?: string[]
    distanceKm?: number
    costFen?: number
  }
  const totalMs = finished - started
  const solveMs = stats?.elapsedMs ?? 0
  return {
    status: plan.status,
    prepareMs: prepared - started,
    totalMs,
    solveMs,
    overheadMs: totalMs - solveMs,
    workerMs: solvedAt - prepared - solveMs,
    checkAndStoreMs: finished - solvedAt,
    trace: solverTrace.points,
    firstCompleteMs: timeToFirstComplete(solverTrace.points),
    trips: summary.trips,
    unassigned: summary.unassigned?.length ?? 0,
    violations: summary.checkerViolations?.length,
    distanceKm: summary.distanceKm,
    durationH: (trips.durationS ?? 0) / 3600,
    costFen: summary.costFen ?? 0,
  }
}
type Timing = Awaited<ReturnType<typeof timePlan>>

const yuan = (fen: number): string => `¥${(fen / 100).toFixed(2)}`
const ms = (x: number | undefined): string => (x === undefined ? 'never' : `${x.toFixed(0)} ms`)
const describe = (label: string, t: Timing): string =>
  `${label}: ${t.status}, ${t.trips} trips, ${t.unassigned} unassigned, checker violations ${t.violations}, ` +
  `cost ${yuan(t.costFen)}, ${t.distanceKm} km, ${t.durationH.toFixed(1)} vehicle-hours; ` +
  `first complete plan at ${ms(t.firstCompleteMs)} of solving; ` +
  `pipeline ${ms(t.totalMs)} = solving ${ms(t.solveMs)} + overhead ${ms(t.overheadMs)} (load and build ${ms(t.prepareMs)}, worker start and transfer ${ms(t.workerMs)}, check and store ${ms(t.checkAndStoreMs)})`

console.log(runHeader())
const baselineDb = await prepareDay(20, 400, 4)
// Warm-up, not reported: the first worker of a process compiles the solver's TypeScript.
await timePlan(baselineDb, 0.1)
const baseline = await timePlan(baselineDb, TIME_LIMIT_S)
await baselineDb.destroy()
const db = await prepareDay(STATIONS, PARCELS, VEHICLES)
const day = await timePlan(db, TIME_LIMIT_S)
console.log(`planning time limit ${TIME_LIMIT_S} s (the solver always uses all of it)`)
console.log(describe('baseline  20 stations,   400 parcels,  4 vehicles', baseline))
console.log(
  describe(`county   ${STATIONS} stations, ${PARCELS} parcels, ${VEHICLES} vehicles`, day),
)
console.log(
  `overhead apart from solving, county / baseline: ${(day.overheadMs / baseline.overheadMs).toFixed(2)}× ` +
    `(load and build ${(day.prepareMs / baseline.prepareMs).toFixed(2)}×, ` +
    `worker ${(day.workerMs / baseline.workerMs).toFixed(2)}×, check and store ${(day.checkAndStoreMs / baseline.checkAndStoreMs).toFixed(2)}×)`,
)

if (LONG_LIMIT_S !== undefined) {
  const long = await timePlan(db, LONG_LIMIT_S)
  console.log(describe(`county, ${LONG_LIMIT_S} s limit`, long))
  const atShort = bestAt(long.trace, TIME_LIMIT_S * 1000)
  const final = long.trace.at(-1)
  if (final !== undefined) {
    const within = timeToWithin(long.trace, final, 0.01)
    const heldAtShort =
      atShort === undefined
        ? 'no plan yet'
        : `${yuan(atShort.cost)}, ${atShort.unassigned} unassigned (${gapPercent(atShort.cost, final.cost).toFixed(2)} % above the end)`
    console.log(
      `one ${LONG_LIMIT_S} s solve, traced: best at ${TIME_LIMIT_S} s ${heldAtShort}; ` +
        `at ${LONG_LIMIT_S} s ${yuan(final.cost)}, ${final.unassigned} unassigned; ` +
        `within 1 % of that at ${ms(within)}; ${long.trace.length} improvements, last at ${ms(final.elapsedMs)}`,
    )
    console.log(
      `the ${TIME_LIMIT_S} s-limit plan (its cooling schedule fitted to ${TIME_LIMIT_S} s) is ` +
        `${gapPercent(day.costFen, long.costFen).toFixed(2)} % above the ${LONG_LIMIT_S} s-limit plan`,
    )
  }
}
await db.destroy()
