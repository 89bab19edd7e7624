import type { Kysely } from 'kysely'

// Product images come in WebP widths for the screen (240, 480 … px, never wider than the
// original): the widths stored beside the original, as a JSON array. Null for images uploaded
// before variants existed, which are served as uploaded.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('product_image').addColumn('variant_widths', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('product_image').dropColumn('variant_widths').execute()
}
