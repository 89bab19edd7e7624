import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely'
import pg from 'pg'
import type { Database, Db, Dialect } from './database.js'
import { withStatementCache } from './statement-cache.js'

// COUNT(*) and other int8 values come back from pg as strings; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, Number)

export interface DbHandle {
  db: Db
  dialect: Dialect
}

export interface CreateDbOptions {
  /** PostgreSQL only: the schema to work in (tests give each database its own). */
  schema?: string
  /** PostgreSQL only: connections in the pool. */
  poolSize?: number
  /** Hears every statement run, `begin` and `commit` included (benchmarks count them). */
  log?: (event: LogEvent) => void
}

/** Opens `sqlite:<file>`, `sqlite::memory:` or `postgres://…`. */
export function createDb(databaseUrl: string, options: CreateDbOptions = {}): DbHandle {
  if (databaseUrl.startsWith('sqlite:')) {
    return {
      db: new Kysely<Database>({
        dialect: new SqliteDialect({
          database: withStatementCache(openSqlite(databaseUrl.slice('sqlite:'.length))),
        }),
        ...(options.log ? { log: options.log } : {}),
      }),
      dialect: 'sqlite',
    }
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  })
  return {
    db: new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      ...(options.log ? { log: options.log } : {}),
    }),
    dialect: 'postgres',
  }
}

function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const database = new SqliteDatabase(file)
  // WAL lets readers work while one request writes; the busy timeout queues a second writer
  // (another process, e.g. `npm run migrate`) instead of failing at once.
  database.pragma('journal_mode = WAL')
  database.pragma('busy_timeout = 5000')
  // FULL: a committed order survives a power cut, not only a process crash.
  database.pragma('synchronous = FULL')
  database.pragma('foreign_keys = ON')
  return database
}
