import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/database.js'
import { claimLease, releaseLease } from './lease.js'
import { NODE_ID } from './node-id.js'

export interface PeriodicJob {
  /** Stops the timer, waits for the round in progress and gives the lease to the other nodes. */
  stop(): Promise<void>
}

export interface PeriodicJobOptions {
  /** The database every node shares: the round's lease is kept there. */
  db: Db
  /** Also run once at start (when no other node holds the round). */
  runAtStart?: boolean
  /** The node taking the lease; this process's NODE_ID unless a test plays several nodes. */
  node?: string
  /**
   * How long a running round's lease lasts without renewal; it is renewed every third of it, so
   * a node that dies mid-round blocks the round for at most this long.
   */
  leaseMs?: number
  /**
   * Asked before the lease: a frequent round with nothing to do (the flash sale's hold persister
   * when Redis has no admission waiting) then costs the database nothing.
   */
  whenDue?: () => Promise<boolean>
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Runs `round` every `intervalMs` in the background of an app node, one round at a time (a slow
 * round delays the next instead of piling up), and once at start with `runAtStart`.
 *
 * Across the nodes on one database the round runs on one node at a time (issue 14): the node that
 * holds the lease `name` or takes it when it is free. After a round the holder keeps first claim
 * for two intervals, so the round runs once per interval however many nodes there are, and the
 * same node keeps running it while it lives; another takes over when it stops (the lease is
 * released) or dies (the lease expires). The rounds' per-row compare-and-set stays as the second
 * line of defence for a holder that stalls past its lease.
 */
export function startPeriodicJob(
  name: string,
  intervalMs: number,
  round: () => Promise<unknown>,
  log: FastifyBaseLogger,
  { db, runAtStart = false, node = NODE_ID, leaseMs = 15_000, whenDue }: PeriodicJobOptions,
): PeriodicJob {
  let running: Promise<void> | undefined
  let stopped = false
  const renew = () =>
    claimLease(db, name, node, iso(Date.now() + leaseMs)).then(
      (held) => {
        if (!held) log.warn({ job: name, node }, 'job lease taken by another node mid-round')
      },
      (error: unknown) => {
        log.warn({ err: error, job: name }, 'job lease renewal failed')
      },
    )
  const leasedRound = async (): Promise<unknown> => {
    if (whenDue && !(await whenDue())) return undefined
    const now = Date.now()
    if (!(await claimLease(db, name, node, iso(now + leaseMs), iso(now)))) return undefined
    const renewal = setInterval(() => void renew(), leaseMs / 3)
    renewal.unref()
    try {
      return await round()
    } finally {
      clearInterval(renewal)
      // Keep first claim over this node's next tick, unless it is stopping: two intervals, so a
      // tick that comes late (a busy event loop, a slow database) still finds its claim.
      await releaseLease(db, name, node, iso(stopped ? Date.now() : Date.now() + 2 * intervalMs))
    }
  }
  const runRound = () => {
    if (running || stopped) return
    running = leasedRound()
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
      stopped = true
      clearInterval(timer)
      await running
      await releaseLease(db, name, node).catch((error: unknown) => {
        log.warn({ err: error, job: name }, 'job lease release failed')
      })
    },
  }
}
