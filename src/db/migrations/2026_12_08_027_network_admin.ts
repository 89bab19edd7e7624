import { sql, type Kysely } from 'kysely'

// Issue 15 (LOG-1, SVC-1, SVC-5): the network is managed in the console. A site gets its own
// code (站点编码, unique) and can be closed (closed_at) and reopened; stores and warehouses get
// coordinates and a contact. Existing sites take their division code as their code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('logistics_site').addColumn('code', 'text').execute()
  await db.schema.alterTable('logistics_site').addColumn('closed_at', 'text').execute()
  await sql`update logistics_site set code = division_code`.execute(db)
  await db.schema
    .createIndex('logistics_site_code_idx')
    .on('logistics_site')
    .column('code')
    .unique()
    .execute()

  await db.schema.alterTable('stock_location').addColumn('lat', 'double precision').execute()
  await db.schema.alterTable('stock_location').addColumn('lon', 'double precision').execute()
  await db.schema.alterTable('stock_location').addColumn('contact_name', 'text').execute()
  await db.schema.alterTable('stock_location').addColumn('contact_phone', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('logistics_site_code_idx').execute()
  for (const column of ['code', 'closed_at'])
    await db.schema.alterTable('logistics_site').dropColumn(column).execute()
  for (const column of ['lat', 'lon', 'contact_name', 'contact_phone'])
    await db.schema.alterTable('stock_location').dropColumn(column).execute()
}
