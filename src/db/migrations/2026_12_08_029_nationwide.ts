import { sql, type Kysely } from 'kysely'

// Issue 15 (LOG-1, SVC-1): a county's divisions carry the statistics bureau's code year, and a
// code that a newer year no longer lists is kept (sites and addresses may reference it) but
// marked retired; the delivery fee outside the county, by province or one flat fee.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('division').addColumn('code_year', 'integer').execute()
  await db.schema.alterTable('division').addColumn('retired_in_year', 'integer').execute()
  await db.schema
    .createTable('outside_delivery_fee')
    // A province's two-digit GB/T 2260 code, or '00' for every province without its own row.
    .addColumn('province_code', 'text', (c) => c.primaryKey())
    .addColumn('fee_fen', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // ¥12.00 per order anywhere, until the operator sets the rule.
  await sql`insert into outside_delivery_fee (province_code, fee_fen, updated_at)
    values ('00', 1200, ${new Date().toISOString()})`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outside_delivery_fee').execute()
  await db.schema.alterTable('division').dropColumn('retired_in_year').execute()
  await db.schema.alterTable('division').dropColumn('code_year').execute()
}
