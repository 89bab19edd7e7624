import { sql, type Kysely } from 'kysely'

// SVC-3 拼团: team-buy activities, their teams and seats, and share links (every promotion has
// one; visits and orders placed through it are counted).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('team_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku_id', 'text', (c) => c.notNull().references('sku.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('team_price_fen', 'integer', (c) => c.notNull())
    .addColumn('team_size', 'integer', (c) => c.notNull())
    .addColumn('ttl_s', 'integer', (c) => c.notNull().defaultTo(86400))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    // Units offered at the team price; `stock_taken` counts held and paid seats' units.
    .addColumn('stock', 'integer', (c) => c.notNull())
    .addColumn('stock_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('per_order_limit', 'integer', (c) => c.notNull())
    .addColumn('per_user_limit', 'integer', (c) => c.notNull())
    .addColumn('new_user_leader_only', 'integer', (c) => c.notNull().defaultTo(0))
    // null: virtual fill off; otherwise the real paid members a team needs to be filled.
    .addColumn('virtual_fill_min', 'integer')
    .addColumn('status', 'text', (c) => c.notNull()) // draft | active | paused | ended
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('team_activity_sku_idx')
    .on('team_activity')
    .columns(['sku_id', 'status'])
    .execute()

  await db.schema
    .createTable('team')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('team_activity.id'))
    .addColumn('leader_user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // pending | open | succeeded | failed | virtual_ok
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('paid_members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('held_seats', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('virtual_members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('team_activity_status_idx')
    .on('team')
    .columns(['activity_id', 'status'])
    .execute()
  await db.schema
    .createIndex('team_expiry_idx')
    .on('team')
    .columns(['status', 'expires_at'])
    .execute()

  await db.schema
    .createTable('team_seat')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('team.id'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('team_activity.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // held | paid | released | refunded
    .addColumn('is_leader', 'integer', (c) => c.notNull())
    // The activity while the seat is held or paid in a team not yet finished, else null: unique
    // with the user, so a user is in at most one unfinished team per activity.
    .addColumn('open_activity_id', 'text')
    .addColumn('share_code', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // One seat per user per team, among the seats that count (a lapsed seat may be taken again).
  await db.schema
    .createIndex('team_seat_team_user_key')
    .on('team_seat')
    .columns(['team_id', 'user_id'])
    .unique()
    .where(sql.ref('status'), 'in', sql`('held', 'paid')`)
    .execute()
  await db.schema
    .createIndex('team_seat_open_key')
    .on('team_seat')
    .columns(['open_activity_id', 'user_id'])
    .unique()
    .execute()
  await db.schema
    .createIndex('team_seat_user_idx')
    .on('team_seat')
    .columns(['activity_id', 'user_id'])
    .execute()
  await db.schema.createIndex('team_seat_order_idx').on('team_seat').column('order_id').execute()

  await db.schema
    .createTable('share_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('promotion_kind', 'text', (c) => c.notNull())
    .addColumn('promotion_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('orders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_orders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('share_link_promotion_idx')
    .on('share_link')
    .columns(['promotion_kind', 'promotion_id'])
    .execute()
  await db.schema
    .createTable('share_visit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('share_link_id', 'text', (c) => c.notNull().references('share_link.id'))
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('share_visit_link_idx')
    .on('share_visit')
    .columns(['share_link_id', 'at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('share_visit').execute()
  await db.schema.dropTable('share_link').execute()
  await db.schema.dropTable('team_seat').execute()
  await db.schema.dropTable('team').execute()
  await db.schema.dropTable('team_activity').execute()
}
