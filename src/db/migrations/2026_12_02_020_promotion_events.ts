import type { Kysely } from 'kysely'

// SVC-4 offline promotion events (线下推介会, 展销会): where and when, which products, and what
// came of them. Each event has a share link (MKT-2) for its invitations.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('promotion_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text', (c) => c.notNull().references('division.code'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('visitors', 'integer')
    .addColumn('orders_count', 'integer')
    .addColumn('sales_fen', 'integer')
    .addColumn('result_note', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('promotion_event_start_idx')
    .on('promotion_event')
    .columns(['status', 'starts_at'])
    .execute()
  await db.schema
    .createTable('promotion_event_product')
    .addColumn('event_id', 'text', (c) => c.notNull().references('promotion_event.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addPrimaryKeyConstraint('promotion_event_product_pk', ['event_id', 'product_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('promotion_event_product').execute()
  await db.schema.dropTable('promotion_event').execute()
}
