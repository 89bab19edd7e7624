import type { Kysely } from 'kysely'

// Home-delivery and station-pickup orders travel as parcels of the county's own network: the
// order keeps its parcel so that the parcel's scans can move the order on, and the buyer can
// follow it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('shop_order')
    .addColumn('parcel_id', 'text', (c) => c.references('parcel.id'))
    .execute()
  await db.schema
    .createIndex('shop_order_parcel_idx')
    .on('shop_order')
    .column('parcel_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('shop_order_parcel_idx').execute()
  await db.schema.alterTable('shop_order').dropColumn('parcel_id').execute()
}
