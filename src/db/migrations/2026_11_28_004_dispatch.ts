import type { Kysely } from 'kysely'

// LOG-3 / LOG-4: the fleet, daily dispatch plans, their trips and ordered stops.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vehicle')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plate', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity_kg', 'integer', (c) => c.notNull())
    .addColumn('capacity_m3', 'double precision', (c) => c.notNull())
    .addColumn('shift_start', 'text', (c) => c.notNull())
    .addColumn('shift_end', 'text', (c) => c.notNull())
    .addColumn('max_duration_s', 'integer')
    .addColumn('home_site_id', 'text', (c) => c.notNull().references('logistics_site.id'))
    .addColumn('fixed_cost_fen', 'integer', (c) => c.notNull())
    .addColumn('cost_per_km_fen', 'integer', (c) => c.notNull())
    .addColumn('cost_per_hour_fen', 'integer', (c) => c.notNull())
    .addColumn('driver_user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('dispatch_plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('summary_json', 'text')
    .addColumn('error', 'text')
    .execute()
  await db.schema
    .createIndex('dispatch_plan_date_idx')
    .on('dispatch_plan')
    .columns(['service_date', 'status'])
    .execute()

  await db.schema
    .createTable('trip')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) =>
      c.notNull().references('dispatch_plan.id').onDelete('cascade'),
    )
    .addColumn('vehicle_id', 'text', (c) => c.notNull().references('vehicle.id'))
    .addColumn('driver_user_id', 'text')
    .addColumn('departure_at', 'text', (c) => c.notNull())
    .addColumn('return_at', 'text', (c) => c.notNull())
    .addColumn('distance_m', 'integer', (c) => c.notNull())
    .addColumn('duration_s', 'integer', (c) => c.notNull())
    .addColumn('cost_fen', 'integer', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('trip_plan_idx').on('trip').column('plan_id').execute()

  await db.schema
    .createTable('trip_stop')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trip.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull().references('logistics_site.id'))
    .addColumn('eta', 'text', (c) => c.notNull())
    .addColumn('delivery_kg', 'double precision', (c) => c.notNull())
    .addColumn('delivery_m3', 'double precision', (c) => c.notNull())
    .addColumn('parcel_count', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('trip_stop_trip_idx')
    .on('trip_stop')
    .columns(['trip_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['trip_stop', 'trip', 'dispatch_plan', 'vehicle'])
    await db.schema.dropTable(table).execute()
}
