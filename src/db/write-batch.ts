import {
  sql,
  type Compilable,
  type DeleteQueryNode,
  type InsertQueryNode,
  type OperationNodeSource,
  type UpdateQueryNode,
} from 'kysely'
import type { Db } from './database.js'
import { dialectOf } from './dialect.js'

// One round trip for a unit of work's writes (issue 14). On PostgreSQL every statement costs a
// round trip, and at checkout the round trips, not the rows, were most of the database's and the
// app's work (each is a socket write and a wake-up on both sides). PostgreSQL runs
// data-modifying statements as WITH queries of one statement, so a list of inserts and updates
// goes over as
//   WITH w0 AS (INSERT …), w1 AS (UPDATE … RETURNING …) SELECT (SELECT count(*) FROM w1) AS n1
// Foreign keys are checked at the end of that statement, so a row may refer to one inserted by
// an earlier write of the list. SQLite has no data-modifying WITH; there the writes run one after
// another (in-process calls, no round trips to save).
//
// They run in the caller's transaction; on PostgreSQL, outside one, the single statement is
// atomic by itself and commits at once, so the rows it locks are held only inside the database,
// not across a turn of the app's event loop to the COMMIT. A write that needs to know what it
// changed (an update of stock only while enough is left) says so with a RETURNING clause: its
// count of returned rows comes back, in the order of the list. The writes of one batch must not
// depend on each other's effects beyond foreign keys: the WITH queries all see the same snapshot.

/** An insert, update or delete built by the module that owns its table, not yet executed. */
export type Write = Compilable & OperationNodeSource

type WriteNode = InsertQueryNode | UpdateQueryNode | DeleteQueryNode

const returnsRows = (write: Write): boolean =>
  (write.toOperationNode() as WriteNode).returning !== undefined

/**
 * Executes the writes in the caller's transaction (on PostgreSQL, or as one statement of its
 * own outside a transaction), in one statement on PostgreSQL. Answers, for
 * each write with a RETURNING clause, how many rows it returned (undefined for the others).
 */
export async function executeWrites(
  db: Db,
  writes: readonly Write[],
): Promise<(number | undefined)[]> {
  if (dialectOf(db) === 'sqlite') {
    if (!db.isTransaction && writes.length > 1)
      throw new Error('programming error: on SQLite a batch of writes needs a transaction')
    const counts: (number | undefined)[] = []
    for (const write of writes) {
      const { rows } = await db.executeQuery(write.compile())
      counts.push(returnsRows(write) ? rows.length : undefined)
    }
    return counts
  }
  const name = (index: number) => sql.raw(`w${index}`)
  const withQueries = sql.join(
    writes.map((write, index) => sql`${name(index)} AS (${write})`),
    sql`, `,
  )
  const counted = writes.flatMap((write, index) => (returnsRows(write) ? [index] : []))
  // The main query counts the rows of the writes that return some, in the list's order: it
  // reads them first, so PostgreSQL runs those writes in that order (the others after them).
  const selection =
    counted.length === 0
      ? sql`1 AS none`
      : sql.join(
          counted.map((index) => sql`(SELECT count(*) FROM ${name(index)}) AS ${name(index)}`),
          sql`, `,
        )
  const { rows } = await sql<
    Record<string, string | number>
  >`WITH ${withQueries} SELECT ${selection}`.execute(db)
  const row = rows[0] ?? {}
  return writes.map((_, index) => (counted.includes(index) ? Number(row[`w${index}`]) : undefined))
}
