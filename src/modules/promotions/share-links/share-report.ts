import type { Db } from '../../../db/database.js'
import { shareCodeOf } from './share-links.js'
import type { ShareKind, ShareStats } from '../shared/index.js'

// What a promotion's share links brought in (MKT-2), for its console report: its own link's code,
// and visits, orders and paid orders summed over that link and, when the promotion hands out
// links of its own parts (a team buy's teams, a bargain activity's launched bargains), theirs.

/** The parts of a promotion with links of their own: their kind, table and parent column. */
const PARTS = {
  team_buy: { kind: 'team', table: 'team' },
  bargain_activity: { kind: 'bargain', table: 'bargain' },
} as const

export async function shareStats(db: Db, kind: ShareKind, id: string): Promise<ShareStats> {
  const part = kind === 'team_buy' || kind === 'bargain_activity' ? PARTS[kind] : null
  const totals = await db
    .selectFrom('share_link')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number | string>('visits'), eb.lit(0)).as('visits'),
      eb.fn.coalesce(eb.fn.sum<number | string>('orders'), eb.lit(0)).as('orders'),
      eb.fn.coalesce(eb.fn.sum<number | string>('paid_orders'), eb.lit(0)).as('paid'),
    ])
    .where((eb) => {
      const own = eb.and([eb('promotion_kind', '=', kind), eb('promotion_id', '=', id)])
      if (!part) return own
      const parts = eb.and([
        eb('promotion_kind', '=', part.kind),
        eb(
          'promotion_id',
          'in',
          eb.selectFrom(part.table).select(`${part.table}.id`).where('activity_id', '=', id),
        ),
      ])
      return eb.or([own, parts])
    })
    .executeTakeFirstOrThrow()
  return {
    code: await shareCodeOf(db, kind, id),
    visits: Number(totals.visits),
    orders: Number(totals.orders),
    paidOrders: Number(totals.paid),
  }
}
