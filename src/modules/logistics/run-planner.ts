import { Worker } from 'node:worker_threads'
import type { Problem, Solution, SolveImprovement } from '../../routing/index.js'

export interface PlannerObserver {
  /** The share of the time budget used, 0–1, about every 250 ms. */
  onProgress: (share: number) => void
  /** Each new best plan (benchmarks trace the cost over time); absent, the worker posts none. */
  onImprove?: (improvement: SolveImprovement) => void
}

type WorkerMessage =
  | { kind: 'progress'; elapsedMs: number }
  | { kind: 'improve'; improvement: SolveImprovement }
  | { kind: 'done'; solution: Solution }

/** Solves in a worker thread, reporting progress to the observer. */
export function solveInWorker(
  problem: Problem,
  options: { timeLimitMs: number; seed: number },
  { onProgress, onImprove }: PlannerObserver,
): Promise<Solution> {
  // Source files run through tsx (development, tests, `npm start`); a build would ship .js.
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js'
  const entry = extension === 'ts' ? './plan-worker-entry.mjs' : './plan-worker.js'
  const worker = new Worker(new URL(entry, import.meta.url), {
    workerData: { problem, options, reportImprovements: onImprove !== undefined },
  })
  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress')
        onProgress(Math.min(1, message.elapsedMs / options.timeLimitMs))
      else if (message.kind === 'improve') onImprove?.(message.improvement)
      else resolve(message.solution)
    })
    worker.on('error', reject)
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the planner stopped with exit code ${code}`))
    })
  })
}
