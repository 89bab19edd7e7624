import type { Kysely } from 'kysely'

// LOG-8 农产品上行: farm products collected at village stations ride back on the delivery trips.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('farm_pickup')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_site_id', 'text', (c) => c.notNull().references('logistics_site.id'))
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('sender_phone', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('pieces', 'integer', (c) => c.notNull())
    .addColumn('weight_g', 'integer', (c) => c.notNull())
    .addColumn('volume_cm3', 'integer', (c) => c.notNull())
    .addColumn('destination_address', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('trip_id', 'text', (c) => c.references('trip.id').onDelete('set null'))
    .addColumn('carrier_id', 'text', (c) => c.references('organization.id'))
    .addColumn('carrier_waybill_no', 'text')
    .addColumn('registered_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('farm_pickup_station_idx')
    .on('farm_pickup')
    .columns(['station_site_id', 'status'])
    .execute()
  await db.schema
    .alterTable('trip_stop')
    .addColumn('pickup_kg', 'double precision', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('trip_stop')
    .addColumn('pickup_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('trip_stop').dropColumn('pickup_count').execute()
  await db.schema.alterTable('trip_stop').dropColumn('pickup_kg').execute()
  await db.schema.dropTable('farm_pickup').execute()
}
