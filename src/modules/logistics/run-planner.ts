import { Worker } from 'node:worker_threads'
import type { Problem, Solution } from '../../routing/index.js'

/** Solves in a worker thread; reports the share of the time budget used, 0–1. */
export function solveInWorker(
  problem: Problem,
  options: { timeLimitMs: number; seed: number },
  onProgress: (share: number) => void,
): Promise<Solution> {
  // Source files run through tsx (development, tests, `npm start`); a build would ship .js.
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js'
  const entry = extension === 'ts' ? './plan-worker-entry.mjs' : './plan-worker.js'
  const worker = new Worker(new URL(entry, import.meta.url), { workerData: { problem, options } })
  return new Promise((resolve, reject) => {
    worker.on(
      'message',
      (message: { kind: 'progress'; elapsedMs: number } | { kind: 'done'; solution: Solution }) => {
        if (message.kind === 'progress')
          onProgress(Math.min(1, message.elapsedMs / options.timeLimitMs))
        else resolve(message.solution)
      },
    )
    worker.on('error', reject)
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the planner stopped with exit code ${code}`))
    })
  })
}
