import type { Kysely } from 'kysely'

// Orders placed through a promotion (SVC-3) name it, so the promotion hears when they are paid
// or cancelled; an after-sales request keeps what was approved beside what was asked.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('shop_order').addColumn('promotion_kind', 'text').execute()
  await db.schema.alterTable('shop_order').addColumn('promotion_id', 'text').execute()
  await db.schema
    .createIndex('shop_order_promotion_idx')
    .on('shop_order')
    .columns(['promotion_kind', 'promotion_id'])
    .execute()
  await db.schema.alterTable('after_sale').addColumn('approved_fen', 'integer').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('after_sale').dropColumn('approved_fen').execute()
  await db.schema.dropIndex('shop_order_promotion_idx').execute()
  await db.schema.alterTable('shop_order').dropColumn('promotion_id').execute()
  await db.schema.alterTable('shop_order').dropColumn('promotion_kind').execute()
}
