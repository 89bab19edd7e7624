import type { FastifyRequest } from 'fastify'
import type { Db } from '../../db/database.js'
import { groupCommit, isSqlite } from '../../db/group-commit.js'
import { actorOf, type Actor } from './actor.js'

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * One request, one transaction: the work and its audit entries commit together or not at all.
 * A mutation that wrote no audit entry is a programming error and rolls back.
 */
export async function withTransaction<T>(
  db: Db,
  request: FastifyRequest,
  work: (trx: Db, actor: Actor) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(auditedWork(request, work))
}

/**
 * withTransaction, sharing its commit on SQLite with the requests writing at the same moment,
 * each in its own savepoint (src/db/group-commit.ts, issue 14): still all or nothing per request,
 * and answered only once committed.
 */
export async function withGroupCommit<T>(
  db: Db,
  request: FastifyRequest,
  work: (trx: Db, actor: Actor) => Promise<T>,
): Promise<T> {
  return groupCommit(db, auditedWork(request, work))
}

/**
 * For work whose writes are one write batch (src/db/write-batch.ts, issue 14). On SQLite they
 * share a group commit (withGroupCommit). On PostgreSQL the batch is a single statement, atomic
 * by itself, so no transaction is opened around it: no BEGIN and COMMIT round trips, and what it
 * locks is held only inside the database. The work gets no transaction there, so it must write
 * nothing but its one batch (it may still read, e.g. to word a refusal).
 */
export async function withWriteBatch<T>(
  db: Db,
  request: FastifyRequest,
  work: (db: Db, actor: Actor) => Promise<T>,
): Promise<T> {
  return isSqlite(db) ? groupCommit(db, auditedWork(request, work)) : auditedWork(request, work)(db)
}

/** The request's work, refused when it is a mutation that wrote no audit entry. */
function auditedWork<T>(
  request: FastifyRequest,
  work: (trx: Db, actor: Actor) => Promise<T>,
): (trx: Db) => Promise<T> {
  const actor = actorOf(request)
  return async (trx) => {
    const result = await work(trx, actor)
    if (MUTATING.has(request.method) && actor.auditedEntries === 0) {
      throw new Error(
        `${request.method} ${request.routeOptions.url ?? request.url} changed data without an audit entry`,
      )
    }
    return result
  }
}
