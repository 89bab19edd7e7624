import type { Kysely } from 'kysely'

// A return-and-refund request (退货退款) is refunded only once the goods are back: the buyer
// records how they were sent back, and the merchant confirms receiving them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('after_sale').addColumn('return_carrier', 'text').execute()
  await db.schema.alterTable('after_sale').addColumn('return_waybill_no', 'text').execute()
  await db.schema.alterTable('after_sale').addColumn('return_shipped_at', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('after_sale').dropColumn('return_shipped_at').execute()
  await db.schema.alterTable('after_sale').dropColumn('return_waybill_no').execute()
  await db.schema.alterTable('after_sale').dropColumn('return_carrier').execute()
}
