import type { Kysely } from 'kysely'

// LOG-1 … LOG-6: sites of the three-level network, parcels, their scans, manifest imports, SMS outbox.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('logistics_site')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text', (c) => c.notNull().references('division.code'))
    .addColumn('address', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('coordinates_approximate', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('master_name', 'text')
    .addColumn('master_phone', 'text')
    .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('logistics_site_division_idx')
    .on('logistics_site')
    .column('division_code')
    .execute()

  await db.schema
    .createTable('manifest_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('carrier_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows_total', 'integer', (c) => c.notNull())
    .addColumn('rows_imported', 'integer', (c) => c.notNull())
    .addColumn('rows_duplicate', 'integer', (c) => c.notNull())
    .addColumn('rows_failed', 'integer', (c) => c.notNull())
    .addColumn('errors_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('parcel')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('carrier_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('waybill_no', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('recipient_phone', 'text', (c) => c.notNull())
    .addColumn('address_text', 'text', (c) => c.notNull())
    .addColumn('destination_site_id', 'text', (c) => c.references('logistics_site.id'))
    .addColumn('weight_g', 'integer', (c) => c.notNull())
    .addColumn('volume_cm3', 'integer', (c) => c.notNull())
    .addColumn('cod_fen', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('arrived_at', 'text')
    .addColumn('import_id', 'text', (c) => c.references('manifest_import.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('parcel_carrier_waybill_uq', ['carrier_id', 'waybill_no'])
    .execute()
  await db.schema.createIndex('parcel_waybill_idx').on('parcel').column('waybill_no').execute()
  await db.schema
    .createIndex('parcel_destination_idx')
    .on('parcel')
    .columns(['destination_site_id', 'status'])
    .execute()
  await db.schema.createIndex('parcel_due_idx').on('parcel').columns(['status', 'due_at']).execute()
  await db.schema.createIndex('parcel_received_idx').on('parcel').column('received_at').execute()

  await db.schema
    .createTable('scan_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parcel_id', 'text', (c) => c.notNull().references('parcel.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.references('logistics_site.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text')
    .execute()
  await db.schema
    .createIndex('scan_event_parcel_idx')
    .on('scan_event')
    .columns(['parcel_id', 'at'])
    .execute()

  await db.schema
    .createTable('sms_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sms_outbox', 'scan_event', 'parcel', 'manifest_import', 'logistics_site']) {
    await db.schema.dropTable(table).execute()
  }
}
