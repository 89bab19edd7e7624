import type { Kysely } from 'kysely'

// GOV-2: after-sales requests (refund only, or return and refund) with the merchant's response
// deadline and escalation to the operating company; consumer complaints and counterfeit or fraud
// reports with their handling, for the bureau.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('after_sale')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('shop_order.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // refund_only | return_refund
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('respond_by', 'text', (c) => c.notNull())
    .addColumn('merchant_note', 'text')
    .addColumn('operator_note', 'text')
    .addColumn('refund_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('after_sale_status_idx')
    .on('after_sale')
    .columns(['status', 'respond_by'])
    .execute()
  await db.schema.createIndex('after_sale_order_idx').on('after_sale').column('order_id').execute()

  await db.schema
    .createTable('complaint')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // complaint | counterfeit | fraud
    .addColumn('order_id', 'text', (c) => c.references('shop_order.id'))
    .addColumn('shop_id', 'text', (c) => c.references('shop.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | handling | resolved | dismissed
    .addColumn('resolution', 'text')
    .addColumn('handled_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('complaint_status_idx')
    .on('complaint')
    .columns(['status', 'created_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('complaint').execute()
  await db.schema.dropTable('after_sale').execute()
}
