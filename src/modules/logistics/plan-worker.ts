import { parentPort, workerData } from 'node:worker_threads'
import { solve, type Problem, type SolveOptions } from '../../routing/index.js'

// Runs the solver off the server's event loop: planning a county day never blocks requests.

interface PlanJob {
  problem: Problem
  options: Pick<SolveOptions, 'seed' | 'timeLimitMs' | 'maxIterations'>
  /** True when the caller traces the best cost over time (benchmarks). */
  reportImprovements?: boolean
}

const { problem, options, reportImprovements = false } = workerData as PlanJob
const solution = await solve(problem, {
  ...options,
  progressIntervalMs: 250,
  // Only numbers cross the thread boundary: `best` is a function and cannot be posted.
  onProgress: ({ iteration, elapsedMs }) =>
    parentPort?.postMessage({ kind: 'progress', iteration, elapsedMs }),
  onImprove: reportImprovements
    ? (improvement) => parentPort?.postMessage({ kind: 'improve', improvement })
    : undefined,
})
parentPort?.postMessage({ kind: 'done', solution })
