import { randomBytes } from 'node:crypto'
import type { Db } from '../../../db/database.js'
import { nowIso } from '../../../shared/clock.js'
import { newId } from '../../../shared/ids.js'
import type { ShareKind } from '../shared/index.js'

// Share links (分享链接, MKT-2), one per promotion and per part of one a buyer passes on: a
// team-buy activity and each team, a flash-sale session, a bargain activity and each launched
// bargain, a bulk-buy campaign, an offline event. Made in the transaction that makes what they
// lead to. Visits: share-visits.ts; orders and paid orders: share-attribution.ts.

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

const newShareCode = (): string =>
  [...randomBytes(10)].map((byte) => ALPHABET[byte % ALPHABET.length] ?? 'a').join('')

export async function createShareLink(
  db: Db,
  promotion: { kind: ShareKind; id: string },
  createdBy: string | null,
): Promise<string> {
  const code = newShareCode()
  await db
    .insertInto('share_link')
    .values({
      id: newId(),
      code,
      promotion_kind: promotion.kind,
      promotion_id: promotion.id,
      created_by: createdBy,
      visits: 0,
      orders: 0,
      paid_orders: 0,
      created_at: nowIso(),
    })
    .execute()
  return code
}

export async function shareCodeOf(db: Db, kind: ShareKind, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('share_link')
    .select('code')
    .where('promotion_kind', '=', kind)
    .where('promotion_id', '=', id)
    .orderBy('created_at')
    .executeTakeFirst()
  return row?.code ?? null
}

/** The share link of each of `ids` of one kind, for list views: code and visits by id. */
export async function shareLinksOf(
  db: Db,
  kind: ShareKind,
  ids: readonly string[],
): Promise<Map<string, { code: string; visits: number }>> {
  const rows = await db
    .selectFrom('share_link')
    .select(['promotion_id', 'code', 'visits'])
    .where('promotion_kind', '=', kind)
    .where('promotion_id', 'in', [...ids, ''])
    .orderBy('created_at')
    .execute()
  const links = new Map<string, { code: string; visits: number }>()
  for (const row of rows)
    if (!links.has(row.promotion_id))
      links.set(row.promotion_id, { code: row.code, visits: row.visits })
  return links
}
