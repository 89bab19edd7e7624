import { SqliteAdapter, type ControlledTransaction } from 'kysely'
import type { Database, Db } from './database.js'

// Group commit for SQLite (issue 14). SQLite has one writer, and with synchronous = FULL every
// commit waits for the disk (about 4 ms here, with the whole process blocked): that, not the
// statements, caps a hot route near 250 commits a second. Units of work that are ready to write at
// the same moment therefore share one transaction and one commit, each inside its own savepoint:
//   - atomic per unit: one that fails rolls back to its savepoint, the others go on;
//   - serial: the units run one after another, as they would on the single connection;
//   - durable: no unit's promise settles before the commit that holds its writes; if that commit
//     fails, every unit of the group fails with it.
// PostgreSQL commits on many connections at once (and groups its own WAL flushes), so there each
// unit is a transaction of its own.

/** Units per group: a bound on how long the first of them waits for the commit. */
const MAX_GROUP = 32

interface Waiting {
  work: (trx: Db) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

interface Done {
  waiting: Waiting
  outcome: { ok: true; value: unknown } | { ok: false; error: unknown }
}

const queues = new WeakMap<Db, Waiting[]>()

export const isSqlite = (db: Db): boolean => db.getExecutor().adapter instanceof SqliteAdapter

/** Runs `work` in a transaction, sharing its commit on SQLite with the work queued meanwhile. */
export async function groupCommit<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db)
  if (!isSqlite(db)) return db.transaction().execute(work)
  return new Promise<T>((resolve, reject) => {
    const queue = queues.get(db)
    const waiting = { work, resolve: resolve as (value: unknown) => void, reject }
    if (queue) {
      queue.push(waiting)
      return
    }
    const fresh = [waiting]
    queues.set(db, fresh)
    void commitGroups(db, fresh)
  })
}

/** Commits groups from the queue until it is empty, then lets the next request start a new one. */
async function commitGroups(db: Db, queue: Waiting[]): Promise<void> {
  // The open transaction holds SQLite's one connection, so requests still reading (their session,
  // the prices) cannot get ready while a group runs: each group first lets them finish a turn.
  await new Promise(setImmediate)
  while (queue.length > 0) {
    const group = queue.splice(0, MAX_GROUP)
    const done = await commitGroup(db, group, queue)
    for (const { waiting, outcome } of done) {
      if (outcome.ok) waiting.resolve(outcome.value)
      else waiting.reject(outcome.error)
    }
    await new Promise(setImmediate)
  }
  queues.delete(db)
}

/**
 * Runs the group (and whoever queues while it runs, up to MAX_GROUP) in one transaction; never
 * throws: a failure of the transaction itself is every request's outcome.
 */
async function commitGroup(db: Db, group: Waiting[], queue: Waiting[]): Promise<Done[]> {
  const done: Done[] = []
  const taken: Waiting[] = []
  let trx: ControlledTransaction<Database> | undefined
  try {
    trx = await db.startTransaction().execute()
    for (let next = group.shift(); next; next = group.shift()) {
      taken.push(next)
      const savepoint = await trx.savepoint('request').execute()
      try {
        const value = await next.work(savepoint)
        await savepoint.releaseSavepoint('request').execute()
        done.push({ waiting: next, outcome: { ok: true, value } })
      } catch (error) {
        await savepoint.rollbackToSavepoint('request').execute()
        await savepoint.releaseSavepoint('request').execute()
        done.push({ waiting: next, outcome: { ok: false, error } })
      }
      // Requests that arrived meanwhile join this commit rather than wait for the next one.
      if (group.length === 0 && done.length < MAX_GROUP)
        group.push(...queue.splice(0, MAX_GROUP - done.length))
    }
    await trx.commit().execute()
    return done
  } catch (error) {
    await trx
      ?.rollback()
      .execute()
      .catch(() => undefined)
    return [...taken, ...group].map((waiting) => ({
      waiting,
      outcome: { ok: false, error },
    }))
  }
}
