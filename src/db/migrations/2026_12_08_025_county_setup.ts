import type { Kysely } from 'kysely'

// Issue 15 (a real county sets itself up): the county's settings are data, not constants, and
// the first run without demo data is finished through a one-time setup link.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('county_setting')
    .addColumn('code', 'text', (c) => c.primaryKey()) // GB/T 2260, six digits
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sms_signature', 'text', (c) => c.notNull())
    .addColumn('brand_name', 'text', (c) => c.notNull())
    .addColumn('kpi_targets_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // One row ('setup'): the hash of the link printed at start, and when setup was finished.
  await db.schema
    .createTable('setup_state')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('completed_at', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('setup_state').execute()
  await db.schema.dropTable('county_setting').execute()
}
