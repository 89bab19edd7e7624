import type { Kysely } from 'kysely'

// A stop keeps the pickup volume it was planned with, so a clerk's manual change to a draft plan
// can be re-checked against the vehicles' m³ capacity.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('trip_stop')
    .addColumn('pickup_m3', 'double precision', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('trip_stop').dropColumn('pickup_m3').execute()
}
