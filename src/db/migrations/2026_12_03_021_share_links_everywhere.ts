import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { newId } from '../../shared/ids.js'

// MKT-2: every promotion has a share link. Orders carry the link they came through
// (`shop_order.share_code`, counted once when paid, whatever the promotion); a flash-sale hold
// and a launched bargain keep the code the buyer arrived with until the order is placed. Every
// flash-sale session, bargain activity, launched bargain and bulk-buy campaign that has no link
// yet gets one.

/** The promotions that got links here: the table, its `promotion_kind`, who made a row. */
const BACKFILLED = [
  { table: 'flash_session', kind: 'flash_sale', by: 'created_by' },
  { table: 'bargain_activity', kind: 'bargain_activity', by: 'created_by' },
  { table: 'bargain', kind: 'bargain', by: 'launcher_user_id' },
  { table: 'bulk_campaign', kind: 'bulk_buy', by: 'created_by' },
] as const

// A frozen copy of share-links.ts's code format: a migration must not change when the app does.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const shareCode = (): string =>
  [...randomBytes(10)].map((byte) => ALPHABET[byte % ALPHABET.length] ?? 'a').join('')

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('shop_order').addColumn('share_code', 'text').execute()
  await db.schema.alterTable('flash_hold').addColumn('share_code', 'text').execute()
  await db.schema.alterTable('bargain').addColumn('share_code', 'text').execute()
  await backfillShareLinks(db)
}

/** Gives every promotion without a link one; exported for its test (the schema is already there). */
export async function backfillShareLinks(db: Kysely<unknown>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tables as they are now
  const anyDb = db as Kysely<any>
  // A team seat's order takes the code the seat kept, so its payment is counted the new way.
  await anyDb
    .updateTable('shop_order')
    .set((eb) => ({
      share_code: eb
        .selectFrom('team_seat')
        .select('team_seat.share_code')
        .whereRef('team_seat.order_id', '=', 'shop_order.id'),
    }))
    .where('promotion_kind', '=', 'team_buy')
    .execute()
  const now = new Date().toISOString()
  for (const { table, kind, by } of BACKFILLED) {
    const missing = (await anyDb
      .selectFrom(table)
      .select(['id', `${by} as by`])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('share_link')
              .select('share_link.id')
              .where('share_link.promotion_kind', '=', kind)
              .whereRef('share_link.promotion_id', '=', `${table}.id`),
          ),
        ),
      )
      .execute()) as { id: string; by: string | null }[]
    for (const row of missing)
      await anyDb
        .insertInto('share_link')
        .values({
          id: newId(),
          code: shareCode(),
          promotion_kind: kind,
          promotion_id: row.id,
          created_by: row.by,
          visits: 0,
          orders: 0,
          paid_orders: 0,
          created_at: now,
        })
        .execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bargain').dropColumn('share_code').execute()
  await db.schema.alterTable('flash_hold').dropColumn('share_code').execute()
  await db.schema.alterTable('shop_order').dropColumn('share_code').execute()
}
