import { sql, SqliteAdapter, type Kysely } from 'kysely'

// BR-1, MKT-1: merchants' shops, the county brand and its licences, the product catalog with
// SKUs and images, and Chinese full-text search over each product's search text.

// db/dialect.ts's dialectOf, spelled out: migrations import nothing from db/ (no folder cycle).
const isSqlite = (db: Kysely<unknown>): boolean => db.getExecutor().adapter instanceof SqliteAdapter

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shop')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().unique().references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('shop_status_idx').on('shop').column('status').execute()

  await db.schema
    .createTable('brand')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('brand_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brand_id', 'text', (c) => c.notNull().references('brand.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('brand_series_name_uq', ['brand_id', 'name'])
    .execute()
  await db.schema
    .createTable('brand_license')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brand_id', 'text', (c) => c.notNull().references('brand.id'))
    .addColumn('series_id', 'text', (c) => c.references('brand_series.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_reason', 'text')
    .addColumn('granted_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('brand_license_organization_idx')
    .on('brand_license')
    .columns(['organization_id', 'brand_id'])
    .execute()

  await db.schema
    .createTable('product_category')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('product_category.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('product')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('product_category.id'))
    .addColumn('brand_series_id', 'text', (c) => c.references('brand_series.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text', (c) => c.notNull())
    .addColumn('description_html', 'text', (c) => c.notNull())
    .addColumn('origin_division_code', 'text', (c) => c.references('division.code'))
    .addColumn('producer', 'text', (c) => c.notNull())
    .addColumn('local_kind', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sales_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('min_price_fen', 'integer')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('product_shop_idx')
    .on('product')
    .columns(['shop_id', 'status'])
    .execute()
  await db.schema
    .createIndex('product_category_idx')
    .on('product')
    .columns(['category_id', 'status'])
    .execute()

  await db.schema
    .createTable('sku')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'integer', (c) => c.notNull())
    .addColumn('weight_g', 'integer', (c) => c.notNull())
    .addColumn('volume_cm3', 'integer', (c) => c.notNull())
    .addColumn('barcode', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sku_product_idx').on('sku').column('product_id').execute()

  await db.schema
    .createTable('product_image')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('product_image_product_idx')
    .on('product_image')
    .columns(['product_id', 'position'])
    .execute()

  await createSearchIndex(db)
}

/**
 * Chinese has no spaces between words, so both dialects index character trigrams: SQLite an FTS5
 * table with the trigram tokenizer (kept in step by the catalog code, in the same transaction),
 * PostgreSQL a pg_trgm GIN index that serves ILIKE on product.search_text.
 */
async function createSearchIndex(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await sql`create virtual table product_fts using fts5(product_id unindexed, search_text, tokenize = 'trigram')`.execute(
      db,
    )
    return
  }
  // The extension lives in public, not in the migrating schema: tests give every test a schema
  // of its own and drop it afterwards, which must not drop the extension under the others.
  // The lock serializes concurrent migrations racing to create it.
  await sql`select pg_advisory_xact_lock(hashtext('cuntong_pg_trgm'))`.execute(db)
  await sql`create extension if not exists pg_trgm with schema public`.execute(db)
  await sql`create index product_search_trgm_idx on product using gin (search_text public.gin_trgm_ops)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) await sql`drop table product_fts`.execute(db)
  for (const table of [
    'product_image',
    'sku',
    'product',
    'product_category',
    'brand_license',
    'brand_series',
    'brand',
    'shop',
  ])
    await db.schema.dropTable(table).execute()
}
