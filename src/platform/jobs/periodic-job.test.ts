import type { FastifyBaseLogger } from 'fastify'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../db/database.js'
import { createTestDb } from '../../test/test-db.js'
import { claimLease } from './lease.js'
import { startPeriodicJob, type PeriodicJob } from './periodic-job.js'

// Issue 14: two app nodes on one database run each background round once, not once per node.
// Two "nodes" here are two periodic jobs in one process with their own node ids, on one database.

const log: FastifyBaseLogger = pino({ level: 'silent' })
const INTERVAL_MS = 50
const at = (ms: number) => new Date(ms).toISOString()

let handle: Awaited<ReturnType<typeof createTestDb>>
let db: Db
const jobs: PeriodicJob[] = []
beforeEach(async () => {
  handle = await createTestDb()
  db = handle.db
})
afterEach(async () => {
  await Promise.all(jobs.splice(0).map((job) => job.stop()))
  await handle.destroy()
})

/** Records which node ran each round and how many ran at once. */
function recorder() {
  const rounds: { node: string; startedAt: number }[] = []
  let inProgress = 0
  let mostAtOnce = 0
  const roundOf = (node: string) => async () => {
    inProgress += 1
    mostAtOnce = Math.max(mostAtOnce, inProgress)
    rounds.push({ node, startedAt: Date.now() })
    await new Promise((resolve) => setTimeout(resolve, 5))
    inProgress -= 1
  }
  return { rounds, roundOf, mostAtOnce: () => mostAtOnce }
}

function startNode(node: string, round: () => Promise<void>, leaseMs = 30_000) {
  const job = startPeriodicJob('expiries', INTERVAL_MS, round, log, {
    db,
    node,
    leaseMs,
    runAtStart: true,
  })
  jobs.push(job)
  return job
}

async function until(condition: () => boolean) {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error('the condition did not come true within 10 s')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('background rounds on several nodes (issue 14)', () => {
  it('runs each round on one node only, never two at once, while that node lives', async () => {
    const { rounds, roundOf, mostAtOnce } = recorder()
    startNode('node-a', roundOf('node-a'))
    startNode('node-b', roundOf('node-b'))
    await until(() => rounds.length >= 12)

    expect(new Set(rounds.map((r) => r.node)).size).toBe(1)
    expect(mostAtOnce()).toBe(1)
  })

  it('passes the round to another node when its holder stops', async () => {
    const { rounds, roundOf } = recorder()
    const a = startNode('node-a', roundOf('node-a'))
    await until(() => rounds.length >= 1)
    startNode('node-b', roundOf('node-b'))
    await until(() => rounds.length >= 4)
    expect(rounds.every((r) => r.node === 'node-a')).toBe(true)

    await a.stop()
    const stoppedAt = rounds.length
    await until(() => rounds.slice(stoppedAt).length >= 3)
    expect(rounds.slice(stoppedAt).map((r) => r.node)).toEqual(['node-b', 'node-b', 'node-b'])
  })

  it('takes over the round of a node that died once its lease expires, not before', async () => {
    // A node that died mid-round: it holds the lease and never renews or releases it.
    const expiresAt = Date.now() + 300
    expect(await claimLease(db, 'expiries', 'dead-node', at(expiresAt))).toBe(true)
    const { rounds, roundOf } = recorder()
    startNode('node-b', roundOf('node-b'))
    await until(() => rounds.length >= 2)

    expect(rounds.map((r) => r.node)).toEqual(['node-b', 'node-b'])
    expect(rounds[0]?.startedAt).toBeGreaterThanOrEqual(expiresAt)
  })

  it('renews a long round so that no other node starts it meanwhile', async () => {
    const rounds: string[] = []
    let finishLong: () => void = () => undefined
    const long = new Promise<void>((resolve) => (finishLong = resolve))
    startNode(
      'node-a',
      async () => {
        rounds.push('node-a')
        await long
      },
      150,
    )
    await until(() => rounds.length === 1)
    startNode('node-b', async () => {
      rounds.push('node-b')
    })
    // Four lease lengths: node B ticks about thirty times and finds the lease renewed each time.
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(rounds).toEqual(['node-a'])
    finishLong()
  })
})

describe('claimLease (issue 14)', () => {
  const t0 = Date.parse('2026-12-07T10:00:00Z')

  it('gives a free lease to the first node and refuses it to the next until it expires', async () => {
    expect(await claimLease(db, 'sms', 'a', at(t0 + 1000), at(t0))).toBe(true)
    expect(await claimLease(db, 'sms', 'b', at(t0 + 1500), at(t0 + 500))).toBe(false)
    expect(await claimLease(db, 'sms', 'a', at(t0 + 2000), at(t0 + 500))).toBe(true)
    expect(await claimLease(db, 'sms', 'b', at(t0 + 2500), at(t0 + 1500))).toBe(false)
    expect(await claimLease(db, 'sms', 'b', at(t0 + 3000), at(t0 + 2000))).toBe(true)
    expect(await claimLease(db, 'sms', 'a', at(t0 + 3000), at(t0 + 2500))).toBe(false)
  })

  it('gives a lease to exactly one of many nodes claiming it at once', async () => {
    const nodes = Array.from({ length: 8 }, (_, i) => `node-${String(i)}`)
    const won = await Promise.all(
      nodes.map((node) => claimLease(db, 'payments', node, at(t0 + 1000), at(t0))),
    )
    expect(won.filter(Boolean)).toHaveLength(1)
  })
})
