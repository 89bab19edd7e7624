// npm run bench:vrp -- --dir <folder> --bks <csv> --time <s> [--filter <glob>] [--json <out>]
//   [--objective distance|hierarchical|both] [--seed <n>] [--no-county-day] [--tuning <json>]
//   [--county-long <s>]: also solve the county day once with that budget, tracing the best cost
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { checkSolution, solve, type SearchTuning } from '../../src/routing/index.js'
import { findBks, parseBks, type BksRow } from './bks.js'
import { runCountyDay } from './run-county-day.js'
import { parseSolomon } from './parse-solomon.js'
import { parseVrplib } from './parse-vrplib.js'
import { printResults, type InstanceResult } from './report.js'
import { conventionOf, toProblem } from './to-problem.js'
import type { BenchInstance } from './instance.js'
import { runHeader } from '../support/run-header.js'

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    bks: { type: 'string' },
    time: { type: 'string', default: '2' },
    filter: { type: 'string' },
    json: { type: 'string' },
    objective: { type: 'string', default: 'both' },
    seed: { type: 'string', default: '1' },
    'no-county-day': { type: 'boolean', default: false },
    tuning: { type: 'string' },
    'county-long': { type: 'string' },
  },
})

const timeLimitMs = Number(values.time) * 1000
const seed = Number(values.seed)
// Expert search knobs as JSON, e.g. --tuning '{"averageRemoved":15}': for tuning runs only.
const tuning =
  values.tuning === undefined ? undefined : (JSON.parse(values.tuning) as Partial<SearchTuning>)
const bksRows: BksRow[] = values.bks === undefined ? [] : parseBks(readFileSync(values.bks, 'utf8'))
const results: InstanceResult[] = []
const countyLongS = values['county-long'] === undefined ? undefined : Number(values['county-long'])
console.log(runHeader())

if (values.dir !== undefined) {
  for (const file of listInstances(values.dir, values.filter)) {
    const instance = readInstance(file)
    const hierarchicalToo = instance.format === 'solomon' && values.objective !== 'distance'
    if (values.objective !== 'hierarchical' || instance.format !== 'solomon')
      results.push(await runInstance(instance, 'distance'))
    if (hierarchicalToo) results.push(await runInstance(instance, 'hierarchical'))
  }
}
printResults(results)
const countyDay = values['no-county-day'] ? undefined : await runCountyDay(seed, countyLongS)
// Again at the end: a long series can start quiet and end loaded.
console.log(runHeader())
if (values.json !== undefined)
  writeFileSync(values.json, JSON.stringify({ timeLimitMs, seed, results, countyDay }, null, 2))
if (results.some((r) => !r.feasible) || countyDay?.feasible === false) process.exitCode = 1

async function runInstance(
  instance: BenchInstance,
  mode: 'distance' | 'hierarchical',
): Promise<InstanceResult> {
  const problem = toProblem(instance, mode === 'distance' ? 'cost' : 'vehicles-then-distance')
  const solution = await solve(problem, { seed, timeLimitMs, tuning })
  const check = checkSolution(problem, solution)
  const convention = conventionOf(instance)
  const objectives =
    mode === 'distance'
      ? ['distance_upper_bound', 'distance']
      : ['hierarchical_vehicles_then_distance']
  const bks = findBks(bksRows, instance.name, convention, objectives)
  // The checker's recomputed distance is the one reported, not the solver's own figure.
  const distance = check.distanceM
  const line: InstanceResult = {
    instance: instance.name,
    family: instance.family,
    mode,
    customers: instance.x.length - 1,
    distance,
    routes: check.vehicleCount,
    unassigned: solution.unassigned.length,
    bksDistance: bks?.distance,
    bksVehicles: bks?.vehicles,
    gapPercent:
      bks === undefined ? undefined : (100 * (round2(distance) - bks.distance)) / bks.distance,
    timeToBestS: solution.stats.timeToBestMs / 1000,
    elapsedS: solution.stats.elapsedMs / 1000,
    iterations: solution.stats.iterations,
    feasible: check.feasible && solution.unassigned.length === 0,
    violations: check.violations.slice(0, 3),
  }
  process.stdout.write(formatProgress(line))
  return line
}

function formatProgress(r: InstanceResult): string {
  const gap = r.gapPercent === undefined ? '   n/a' : `${r.gapPercent.toFixed(2).padStart(6)}%`
  const versus =
    r.bksVehicles === undefined ? '' : ` (BKS ${r.bksVehicles} routes, ${r.bksDistance ?? ''})`
  return `${r.instance.padEnd(14)} ${r.mode.padEnd(12)} dist ${round2(r.distance).toFixed(2).padStart(10)} routes ${String(r.routes).padStart(3)}${versus} gap ${gap} best@${r.timeToBestS.toFixed(2)}s ${r.iterations} it ${r.feasible ? 'OK' : `INFEASIBLE ${r.violations.join('; ')}`}\n`
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}

function listInstances(dir: string, filter: string | undefined): string[] {
  const pattern = filter === undefined ? undefined : globToRegExp(filter)
  return readdirSync(dir)
    .filter((f) => ['.txt', '.vrp'].includes(extname(f).toLowerCase()))
    .filter(
      (f) => pattern === undefined || pattern.test(f) || pattern.test(basename(f, extname(f))),
    )
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => join(dir, f))
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${escaped}$`, 'i')
}

function readInstance(file: string): BenchInstance {
  const text = readFileSync(file, 'utf8')
  const name = basename(file, extname(file))
  return extname(file).toLowerCase() === '.vrp' ? parseVrplib(text, name) : parseSolomon(text, name)
}
