import type { Kysely } from 'kysely'

// SVC-3 砍价 (bargains: activities, each launcher's bargain with its planned cuts, the helps) and
// 团购 (tiered bulk-purchase campaigns, the orders placed in them, each buyer's running total).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bargain_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku_id', 'text', (c) => c.notNull().references('sku.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('original_price_fen', 'integer', (c) => c.notNull())
    .addColumn('floor_price_fen', 'integer', (c) => c.notNull())
    .addColumn('helpers_needed', 'integer', (c) => c.notNull())
    .addColumn('duration_s', 'integer', (c) => c.notNull().defaultTo(86400))
    // Units offered: `stock_taken` counts units of bargain orders placed and not lapsed.
    .addColumn('stock', 'integer', (c) => c.notNull())
    .addColumn('stock_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('per_user_launch_limit', 'integer', (c) => c.notNull())
    .addColumn('helper_daily_quota', 'integer', (c) => c.notNull())
    .addColumn('buy_before_floor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // active | paused | ended
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('bargain')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('bargain_activity.id'))
    .addColumn('launcher_user_id', 'text', (c) => c.notNull().references('app_user.id'))
    // 1, 2, … per launcher and activity: unique, so racing launches cannot pass the limit.
    .addColumn('launch_no', 'integer', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('cuts_json', 'text', (c) => c.notNull())
    .addColumn('original_price_fen', 'integer', (c) => c.notNull())
    .addColumn('floor_price_fen', 'integer', (c) => c.notNull())
    .addColumn('helpers_needed', 'integer', (c) => c.notNull())
    .addColumn('helps_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_price_fen', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | floor_reached | bought | expired
    // The unpaid order placed at the current price; helps stop while it is set.
    .addColumn('order_id', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bargain_launch_uq', ['activity_id', 'launcher_user_id', 'launch_no'])
    .execute()
  await db.schema
    .createIndex('bargain_expiry_idx')
    .on('bargain')
    .columns(['status', 'expires_at'])
    .execute()

  await db.schema
    .createTable('bargain_help')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bargain_id', 'text', (c) => c.notNull().references('bargain.id'))
    .addColumn('helper_user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('cut_index', 'integer', (c) => c.notNull())
    .addColumn('cut_fen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bargain_help_helper_uq', ['bargain_id', 'helper_user_id'])
    .addUniqueConstraint('bargain_help_cut_uq', ['bargain_id', 'cut_index'])
    .execute()

  // Helps per helper, activity and Shanghai day: a conditional update keeps it under the quota.
  await db.schema
    .createTable('bargain_helper_day')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('bargain_activity.id'))
    .addColumn('helper_user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('helps', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('bargain_helper_day_pk', ['activity_id', 'helper_user_id', 'day'])
    .execute()

  await db.schema
    .createTable('bulk_campaign')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku_id', 'text', (c) => c.notNull().references('sku.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('ladder_json', 'text', (c) => c.notNull())
    .addColumn('min_quantity', 'integer', (c) => c.notNull())
    .addColumn('cap', 'integer', (c) => c.notNull())
    .addColumn('per_user_max', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('pickup_location_id', 'text', (c) => c.references('stock_location.id'))
    .addColumn('pickup_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // draft | open | paused | settled | failed
    // paid + reserved never passes cap: one conditional update each.
    .addColumn('paid_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reserved_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('final_price_fen', 'integer')
    .addColumn('settled_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('bulk_campaign_close_idx')
    .on('bulk_campaign')
    .columns(['status', 'ends_at'])
    .execute()

  await db.schema
    .createTable('bulk_order')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('bulk_campaign.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_paid_fen', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // held | paid | released | settled | refunded
    .addColumn('refunded_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('bulk_order_campaign_idx')
    .on('bulk_order')
    .columns(['campaign_id', 'status'])
    .execute()

  await db.schema
    .createTable('bulk_buyer')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('bulk_campaign.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    // Units held or paid: a conditional update keeps it within per_user_max.
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('bulk_buyer_pk', ['campaign_id', 'user_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'bulk_buyer',
    'bulk_order',
    'bulk_campaign',
    'bargain_helper_day',
    'bargain_help',
    'bargain',
    'bargain_activity',
  ])
    await db.schema.dropTable(table).execute()
}
