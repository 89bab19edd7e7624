import { sql, type Kysely } from 'kysely'

// 秒杀 flash sales (SVC-3): sessions with a window, SKUs with a sale price and session stock,
// each buyer's count of units in a session (the per-user limit, checked by the database), and
// holds: a unit admitted to a buyer, waiting to become a paid order.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('flash_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('payment_window_s', 'integer', (c) => c.notNull().defaultTo(300))
    .addColumn('per_user_limit', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull()) // draft | scheduled | paused | ended
    // 1 while admissions are counted in Redis (loaded at start, reconciled at the end).
    .addColumn('stock_in_redis', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reconciled_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('flash_session_window_ck', sql`ends_at > starts_at`)
    .execute()
  await db.schema
    .createIndex('flash_session_status_idx')
    .on('flash_session')
    .columns(['status', 'ends_at'])
    .execute()

  await db.schema
    .createTable('flash_sku')
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('flash_session.id').onDelete('cascade'),
    )
    .addColumn('sku_id', 'text', (c) => c.notNull().references('sku.id'))
    .addColumn('sale_price_fen', 'integer', (c) => c.notNull())
    .addColumn('stock_total', 'integer', (c) => c.notNull())
    .addColumn('stock_left', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('flash_sku_pk', ['session_id', 'sku_id'])
    .addCheckConstraint('flash_sku_stock_ck', sql`stock_left >= 0 and stock_left <= stock_total`)
    .execute()

  // One row per buyer and session: the unique key and the check make the per-user limit a
  // property of the data, whatever races the application loses.
  await db.schema
    .createTable('flash_buyer')
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('flash_session.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('units', 'integer', (c) => c.notNull())
    .addColumn('unit_limit', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('flash_buyer_pk', ['session_id', 'user_id'])
    .addCheckConstraint('flash_buyer_limit_ck', sql`units >= 0 and units <= unit_limit`)
    .execute()

  await db.schema
    .createTable('flash_hold')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('flash_session.id'))
    .addColumn('sku_id', 'text', (c) => c.notNull().references('sku.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // held | ordered | paid | released | refunded
    .addColumn('order_id', 'text', (c) => c.unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('flash_hold_quantity_ck', sql`quantity > 0`)
    .execute()
  await db.schema
    .createIndex('flash_hold_expiry_idx')
    .on('flash_hold')
    .columns(['status', 'expires_at'])
    .execute()
  await db.schema
    .createIndex('flash_hold_user_idx')
    .on('flash_hold')
    .columns(['session_id', 'user_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('flash_hold').execute()
  await db.schema.dropTable('flash_buyer').execute()
  await db.schema.dropTable('flash_sku').execute()
  await db.schema.dropTable('flash_session').execute()
}
