import type { Kysely } from 'kysely'

// An order waiting at its pickup point is reminded once before it is refunded for not being
// collected; the reminder's time is kept so it is sent once, whichever app node sends it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('shop_order').addColumn('reminded_at', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('shop_order').dropColumn('reminded_at').execute()
}
