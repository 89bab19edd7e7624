import type { Kysely } from 'kysely'

// Issue 15 (point 5): a parcel that arrives at a village station gets a six-digit pickup code
// (取件码), texted to the recipient; the station master hands over by the code. Unique among the
// station's parcels waiting for pickup: the code is cleared when the parcel leaves the station,
// and NULLs never collide in a unique index (SQLite and PostgreSQL alike).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('parcel').addColumn('pickup_code', 'text').execute()
  await db.schema
    .createIndex('parcel_station_pickup_code_uq')
    .on('parcel')
    .columns(['destination_site_id', 'pickup_code'])
    .unique()
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('parcel_station_pickup_code_uq').execute()
  await db.schema.alterTable('parcel').dropColumn('pickup_code').execute()
}
