import { sql, type Kysely } from 'kysely'

// Issue 4 (SVC-1, SVC-2, SVC-5): stock per location, carts, consumers' addresses, orders with
// their lines and state history, payments, payment notifications (for idempotency) and refunds.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stock_location')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // warehouse | store | station
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
    .addColumn('site_id', 'text', (c) => c.references('logistics_site.id'))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  // available + reserved + sold = received, always: every change moves units between columns.
  await db.schema
    .createTable('stock_level')
    .addColumn('sku_id', 'text', (c) => c.notNull().references('sku.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('stock_location.id'))
    .addColumn('available', 'integer', (c) => c.notNull())
    .addColumn('reserved', 'integer', (c) => c.notNull())
    .addColumn('sold', 'integer', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_level_pk', ['sku_id', 'location_id'])
    .addCheckConstraint('stock_level_available_ck', sql`available >= 0`)
    .addCheckConstraint('stock_level_reserved_ck', sql`reserved >= 0`)
    .execute()

  await db.schema
    .createTable('stock_movement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // receive | reserve | release | sell | restock
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('stock_movement_sku_idx')
    .on('stock_movement')
    .columns(['sku_id', 'location_id', 'at'])
    .execute()

  await db.schema
    .createTable('cart_item')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('sku_id', 'text', (c) => c.notNull().references('sku.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cart_item_pk', ['user_id', 'sku_id'])
    .execute()

  await db.schema
    .createTable('customer_address')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('customer_login_code')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('customer_login_code_phone_idx')
    .on('customer_login_code')
    .columns(['phone', 'created_at'])
    .execute()

  await db.schema
    .createTable('payment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('out_trade_no', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | succeeded | closed
    .addColumn('provider_transaction_id', 'text')
    .addColumn('pay_url', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('refunded_fen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('shop_order')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_no', 'text', (c) => c.notNull().unique())
    .addColumn('payment_id', 'text', (c) => c.references('payment.id'))
    .addColumn('user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id'))
    .addColumn('channel', 'text', (c) => c.notNull()) // online | pos
    .addColumn('location_id', 'text', (c) => c.notNull().references('stock_location.id'))
    .addColumn('delivery', 'text', (c) => c.notNull()) // home | station_pickup | store_pickup | counter
    .addColumn('pickup_location_id', 'text', (c) => c.references('stock_location.id'))
    .addColumn('address_json', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('items_fen', 'integer', (c) => c.notNull())
    .addColumn('delivery_fen', 'integer', (c) => c.notNull())
    .addColumn('total_fen', 'integer', (c) => c.notNull())
    .addColumn('refunded_fen', 'integer', (c) => c.notNull())
    .addColumn('pickup_code', 'text')
    .addColumn('note', 'text')
    .addColumn('payment_deadline', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('ready_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('shop_order_user_idx')
    .on('shop_order')
    .columns(['user_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('shop_order_shop_idx')
    .on('shop_order')
    .columns(['shop_id', 'status', 'created_at'])
    .execute()
  await db.schema
    .createIndex('shop_order_deadline_idx')
    .on('shop_order')
    .columns(['status', 'payment_deadline'])
    .execute()
  await db.schema
    .createIndex('shop_order_pickup_idx')
    .on('shop_order')
    .columns(['pickup_location_id', 'pickup_code'])
    .execute()

  await db.schema
    .createTable('order_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('shop_order.id'))
    .addColumn('sku_id', 'text', (c) => c.notNull().references('sku.id'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('local_kind', 'text') // fresh | specialty | null: KPI-5's local share
    .addColumn('unit_price_fen', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('line_fen', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('order_line_order_idx').on('order_line').column('order_id').execute()

  await db.schema
    .createTable('order_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('shop_order.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('order_event_order_idx')
    .on('order_event')
    .columns(['order_id', 'at'])
    .execute()

  // One row per distinct provider event: a replayed callback finds its row and changes nothing.
  await db.schema
    .createTable('payment_notification')
    .addColumn('event_key', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('out_trade_no', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('refund')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('out_refund_no', 'text', (c) => c.notNull().unique())
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payment.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('shop_order.id'))
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | succeeded | failed
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'refund',
    'payment_notification',
    'order_event',
    'order_line',
    'shop_order',
    'payment',
    'customer_login_code',
    'customer_address',
    'cart_item',
    'stock_movement',
    'stock_level',
    'stock_location',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
