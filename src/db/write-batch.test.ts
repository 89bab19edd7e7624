import { sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from '../test/test-db.js'
import type { Db } from './database.js'
import { dialectOf } from './dialect.js'
import { executeWrites } from './write-batch.js'

// A checkout's writes go to PostgreSQL as one statement (issue 14): rows that refer to rows of
// the same batch, conditional updates that tell whether they applied, and all of it undone with
// the caller's transaction.

interface Scratch {
  wb_basket: { id: string }
  wb_line: { id: string; basket_id: string }
  wb_stock: { sku: string; available: number }
}

describe('executeWrites', () => {
  let handle: Awaited<ReturnType<typeof createTestDb>>
  let db: Kysely<Scratch>

  beforeEach(async () => {
    handle = await createTestDb()
    db = handle.db as unknown as Kysely<Scratch>
    await sql`create table wb_basket (id text primary key)`.execute(db)
    await sql`create table wb_line (id text primary key, basket_id text not null references wb_basket (id))`.execute(
      db,
    )
    await sql`create table wb_stock (sku text primary key, available integer not null)`.execute(db)
    await db
      .insertInto('wb_stock')
      .values([
        { sku: 'a', available: 1 },
        { sku: 'b', available: 5 },
      ])
      .execute()
  })
  afterEach(() => handle.destroy())

  const take = (trx: Kysely<Scratch>, sku: string, quantity: number) =>
    trx
      .updateTable('wb_stock')
      .set((eb) => ({ available: eb('available', '-', quantity) }))
      .where('sku', '=', sku)
      .where('available', '>=', quantity)
      .returning('sku')

  it('writes rows that refer to earlier ones of the batch and counts what the conditional updates changed', async () => {
    // On PostgreSQL as the checkout runs it, one statement on its own; SQLite needs a transaction.
    const run = (writes: Parameters<typeof executeWrites>[1]) =>
      dialectOf(handle.db) === 'sqlite'
        ? db.transaction().execute((trx) => executeWrites(trx as unknown as Db, writes))
        : executeWrites(db as unknown as Db, writes)
    const counts = await run([
      db.insertInto('wb_basket').values({ id: 'b1' }),
      db.insertInto('wb_line').values({ id: 'l1', basket_id: 'b1' }),
      take(db, 'a', 2),
      take(db, 'b', 2),
    ])
    expect(counts).toEqual([undefined, undefined, 0, 1])
    expect(await db.selectFrom('wb_line').select(['id', 'basket_id']).execute()).toEqual([
      { id: 'l1', basket_id: 'b1' },
    ])
    expect(
      await db.selectFrom('wb_stock').select(['sku', 'available']).orderBy('sku').execute(),
    ).toEqual([
      { sku: 'a', available: 1 },
      { sku: 'b', available: 3 },
    ])
  })

  it('leaves nothing behind when the caller rolls back, or when one write fails', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        const [, short] = await executeWrites(trx as unknown as Db, [
          trx.insertInto('wb_basket').values({ id: 'b1' }),
          take(trx, 'a', 2),
        ])
        if (short === 0) throw new Error('sold out')
      }),
    ).rejects.toThrow('sold out')
    await expect(
      db
        .transaction()
        .execute((trx) =>
          executeWrites(trx as unknown as Db, [
            trx.insertInto('wb_basket').values({ id: 'b2' }),
            take(trx, 'b', 1),
            trx.insertInto('wb_line').values({ id: 'l1', basket_id: 'missing' }),
          ]),
        ),
    ).rejects.toThrow()
    expect(await db.selectFrom('wb_basket').select('id').execute()).toEqual([])
    expect(
      await db.selectFrom('wb_stock').select('available').where('sku', '=', 'b').executeTakeFirst(),
    ).toEqual({
      available: 5,
    })
  })
})
