import type { Kysely } from 'kysely'

// Issue 15 (LOG-1, LOG-2, LOG-5): the alliance's carriers with their waybill prefixes, and the
// drivers' licence class, managed in the console. The carrier itself is an organization and the
// driver a user (accounts); logistics keeps what only it needs about them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('carrier_waybill_prefix')
    // Unique across carriers: a scanned waybill's prefix names one carrier.
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('carrier_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('carrier_waybill_prefix_carrier')
    .on('carrier_waybill_prefix')
    .column('carrier_id')
    .execute()
  await db.schema
    .createTable('driver_profile')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('licence_class', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('driver_profile').execute()
  await db.schema.dropTable('carrier_waybill_prefix').execute()
}
