import type { Kysely } from 'kysely'

// Issue 12 (SMS bombing): counters for the texted-code limits per address and per hour, and the
// proof-of-work challenges already used, shared by every app node.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('rate_limit_window_idx')
    .on('rate_limit')
    .column('window_started_at')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit').execute()
}
