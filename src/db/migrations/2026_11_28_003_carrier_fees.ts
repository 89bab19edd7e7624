import type { Kysely } from 'kysely'

// LOG-2 对账: what the alliance charges each carrier per parcel.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('carrier_fee_rule')
    .addColumn('carrier_id', 'text', (c) => c.primaryKey().references('organization.id'))
    .addColumn('per_parcel_fen', 'integer', (c) => c.notNull())
    .addColumn('per_kg_fen', 'integer', (c) => c.notNull())
    .addColumn('free_kg', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('carrier_fee_rule').execute()
}
