import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/database.js'
import { recordAudit } from '../../platform/audit/record-audit.js'
import type { Actor } from '../../platform/http/actor.js'
import { nowIso } from '../../shared/clock.js'
import { notFound } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import type { ShareTarget } from './team-buy/schema.js'

// Share links (分享链接, MKT-2), shared by the promotions: a team-buy activity, a team, an offline
// event each has one. A visit through it is
// counted and logged; an order placed with `?share=code` is attributed to it, and counted again
// when paid.

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

const newShareCode = (): string =>
  [...randomBytes(10)].map((byte) => ALPHABET[byte % ALPHABET.length] ?? 'a').join('')

export async function createShareLink(
  db: Db,
  promotion: { kind: string; id: string },
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

export async function shareCodeOf(db: Db, kind: string, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('share_link')
    .select('code')
    .where('promotion_kind', '=', kind)
    .where('promotion_id', '=', id)
    .orderBy('created_at')
    .executeTakeFirst()
  return row?.code ?? null
}

/** Counts a visit through a share link and says where it leads. */
export async function visitShareLink(
  db: Db,
  actor: Actor,
  code: string,
  userId: string | null,
): Promise<ShareTarget> {
  const link = await db
    .updateTable('share_link')
    .set((eb) => ({ visits: eb('visits', '+', 1) }))
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirst()
  if (!link) throw notFound({ en: 'share link', zh: '分享链接' }, code)
  await db
    .insertInto('share_visit')
    .values({ id: newId(), share_link_id: link.id, user_id: userId, at: nowIso() })
    .execute()
  await recordAudit(db, actor, {
    action: 'share_link.visited',
    entityType: 'share_link',
    entityId: link.id,
    organizationId: null,
  })
  let activityId: string | null = null
  let teamId: string | null = null
  if (link.promotion_kind === 'team_buy') activityId = link.promotion_id
  if (link.promotion_kind === 'team') {
    teamId = link.promotion_id
    const team = await db
      .selectFrom('team')
      .select('activity_id')
      .where('id', '=', teamId)
      .executeTakeFirst()
    activityId = team?.activity_id ?? null
  }
  return {
    code,
    promotionKind: link.promotion_kind,
    promotionId: link.promotion_id,
    activityId,
    teamId,
    visits: link.visits,
  }
}

/** Attributes an order to a share link; the code when it exists, else null (never an error). */
export async function attributeOrder(db: Db, code: string | undefined): Promise<string | null> {
  if (code === undefined || code === '') return null
  const result = await db
    .updateTable('share_link')
    .set((eb) => ({ orders: eb('orders', '+', 1) }))
    .where('code', '=', code)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n ? code : null
}

export async function countPaidOrder(db: Db, code: string | null): Promise<void> {
  if (code === null) return
  await db
    .updateTable('share_link')
    .set((eb) => ({ paid_orders: eb('paid_orders', '+', 1) }))
    .where('code', '=', code)
    .execute()
}

/** The share link of each of `ids` of one kind, for list views: code and visits by id. */
export async function shareLinksOf(
  db: Db,
  kind: string,
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
