import type { Database as SqliteDatabase, Statement } from 'better-sqlite3'
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely'

// Kysely's SQLite driver prepares every statement it runs, and on a hot route (checkout: some
// fifteen statements) preparing was an eighth of the process's time (issue 14). A statement is
// prepared once per distinct SQL text and kept; better-sqlite3 re-prepares it by itself when the
// schema changes under it.

/** Distinct statements kept; the oldest goes first (SQL with many rows of values varies). */
const CAPACITY = 500

/** The database as Kysely's SqliteDialect wants it, with prepared statements reused. */
export function withStatementCache(database: SqliteDatabase): KyselySqliteDatabase {
  const prepared = new Map<string, Statement>()
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const cached = prepared.get(sql)
      // A statement being iterated (a streamed select) cannot run again until it is done.
      if (cached && !cached.busy) return cached
      const statement = database.prepare(sql)
      if (!cached) {
        prepared.set(sql, statement)
        if (prepared.size > CAPACITY) prepared.delete(prepared.keys().next().value as string)
      }
      return statement
    },
  }
}
