import type { Kysely } from 'kysely'

// Issue 12: the local payment stand-in keeps its side of a payment in the database, as a real
// provider would — its trades, its refunds, and its outbox of callbacks, claimed by one app node
// at a time, retried on a backoff schedule, resumed after a restart.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('local_gateway_trade')
    .addColumn('out_trade_no', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('notify_url', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('closed_at', 'text')
    .execute()
  await db.schema
    .createTable('local_gateway_refund')
    .addColumn('out_refund_no', 'text', (c) => c.primaryKey())
    .addColumn('out_trade_no', 'text', (c) => c.notNull())
    .addColumn('refund_id', 'text', (c) => c.notNull())
    .addColumn('refund_fen', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('succeeded_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('local_gateway_refund_trade_idx')
    .on('local_gateway_refund')
    .column('out_trade_no')
    .execute()
  await db.schema
    .createTable('local_gateway_delivery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notify_url', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('claim_token', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('local_gateway_delivery_due_idx')
    .on('local_gateway_delivery')
    .columns(['status', 'next_attempt_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('local_gateway_delivery').execute()
  await db.schema.dropTable('local_gateway_refund').execute()
  await db.schema.dropTable('local_gateway_trade').execute()
}
