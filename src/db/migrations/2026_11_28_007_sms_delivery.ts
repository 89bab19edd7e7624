import type { Kysely } from 'kysely'

// The SMS outbox gains what a dispatcher needs to send it through a provider with retries: the
// attempt count and the next attempt's time, a lease so two app nodes never send the same row at
// once, and what the provider answered.

const COLUMNS = [
  'next_attempt_at',
  'locked_until',
  'provider',
  'provider_message_id',
  'body',
  'last_error',
] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per ALTER TABLE.
  await db.schema
    .alterTable('sms_outbox')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  for (const column of COLUMNS) {
    await db.schema.alterTable('sms_outbox').addColumn(column, 'text').execute()
  }
  await db.schema
    .createIndex('sms_outbox_due_idx')
    .on('sms_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sms_outbox_due_idx').execute()
  for (const column of ['attempts', ...COLUMNS]) {
    await db.schema.alterTable('sms_outbox').dropColumn(column).execute()
  }
}
