import type { FastifyBaseLogger } from 'fastify'

export interface PeriodicJob {
  /** Stops the timer and waits for the round in progress. */
  stop(): Promise<void>
}

/**
 * Runs `round` every `intervalMs` in the background of an app node, one round at a time (a slow
 * round delays the next instead of piling up), and once at start with `runAtStart`. Every node
 * runs its own; rounds must be safe to run on several nodes at once.
 */
export function startPeriodicJob(
  name: string,
  intervalMs: number,
  round: () => Promise<unknown>,
  log: FastifyBaseLogger,
  { runAtStart = false }: { runAtStart?: boolean } = {},
): PeriodicJob {
  let running: Promise<void> | undefined
  const runRound = () => {
    if (running) return
    running = round()
      .then(
        (result) => {
          if (result !== undefined) log.debug({ job: name, result }, 'job round')
        },
        (error: unknown) => {
          log.error({ err: error, job: name }, 'job round failed')
        },
      )
      .finally(() => {
        running = undefined
      })
  }
  const timer = setInterval(runRound, intervalMs)
  timer.unref()
  if (runAtStart) runRound()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
