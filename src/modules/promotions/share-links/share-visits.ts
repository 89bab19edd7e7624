import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { skuLabels } from '../../commerce/index.js'
import type { ShareTarget } from '../shared/index.js'

// Following a share link (MKT-2): the visit is counted and logged, and the answer says where the
// H5 shop shows what the link leads to, so the visitor lands there (keeping ?share=code).

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
  const target = await destinationOf(db, link.promotion_kind, link.promotion_id)
  return {
    code,
    promotionKind: link.promotion_kind,
    promotionId: link.promotion_id,
    visits: link.visits,
    ...target,
  }
}

type Destination = Pick<ShareTarget, 'activityId' | 'teamId' | 'path'>

const HOME: Destination = { activityId: null, teamId: null, path: '/h5' }
const enc = encodeURIComponent

async function destinationOf(db: Db, kind: string, id: string): Promise<Destination> {
  switch (kind) {
    case 'team': {
      const team = await db
        .selectFrom('team')
        .select('activity_id')
        .where('id', '=', id)
        .executeTakeFirst()
      return team
        ? { activityId: team.activity_id, teamId: id, path: `/h5/teams/${enc(id)}` }
        : HOME
    }
    case 'team_buy': {
      // The product page shows the team price and the teams one can join.
      const productId = await productOf(db, 'team_activity', id)
      return productId
        ? { activityId: id, teamId: null, path: `/h5/products/${enc(productId)}` }
        : HOME
    }
    case 'bargain_activity': {
      // The product page has the "发起砍价" entry when it names the activity.
      const productId = await productOf(db, 'bargain_activity', id)
      return productId
        ? {
            activityId: id,
            teamId: null,
            path: `/h5/products/${enc(productId)}?bargain=${enc(id)}`,
          }
        : HOME
    }
    case 'bargain': {
      const bargain = await db
        .selectFrom('bargain')
        .select('activity_id')
        .where('id', '=', id)
        .executeTakeFirst()
      return bargain
        ? { activityId: bargain.activity_id, teamId: null, path: `/h5/bargains/${enc(id)}` }
        : HOME
    }
    case 'flash_sale':
      return { ...HOME, path: '/h5/flash-sales' }
    case 'bulk_buy':
      return { ...HOME, path: `/h5/bulk-buys/${enc(id)}` }
    case 'event':
      return { ...HOME, path: '/h5/events' }
    default:
      return HOME
  }
}

async function productOf(
  db: Db,
  table: 'team_activity' | 'bargain_activity',
  id: string,
): Promise<string | null> {
  const row = await db.selectFrom(table).select('sku_id').where('id', '=', id).executeTakeFirst()
  if (!row) return null
  return (await skuLabels(db, [row.sku_id])).get(row.sku_id)?.productId ?? null
}
