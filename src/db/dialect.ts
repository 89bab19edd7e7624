import { SqliteAdapter, type Kysely } from 'kysely'
import type { Dialect } from './database.js'

/** Which database a handle (or transaction) speaks, for the few statements the dialects spell differently. */
export const dialectOf = <Tables>(db: Kysely<Tables>): Dialect =>
  db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres'
