import SqliteDatabase from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { withStatementCache } from './statement-cache.js'

// SQLite statements are prepared once and reused (issue 14); a statement still being iterated
// must not be handed out again half-way through.

describe('withStatementCache', () => {
  it('prepares a statement once, and a fresh one while the cached one is being iterated', () => {
    const raw = new SqliteDatabase(':memory:')
    const cached = withStatementCache(raw)
    raw.exec('create table n (v integer); insert into n values (1), (2), (3)')
    const query = 'select v from n order by v'
    expect(cached.prepare(query)).toBe(cached.prepare(query))

    const seen: number[][] = []
    for (const row of (cached.prepare(query) as SqliteDatabase.Statement).iterate() as Iterable<{
      v: number
    }>) {
      const all = cached.prepare(query).all([])
      seen.push([row.v, all.length])
    }
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ])
    raw.close()
  })
})
