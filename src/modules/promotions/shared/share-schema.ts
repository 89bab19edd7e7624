import { type Static, Type } from 'typebox'
import { Nullable } from '../../../platform/http/index.js'

// Share links (分享链接, MKT-2): their tables, and over HTTP the `?share=` every order-creating
// shop endpoint takes, where a link leads, and what it brought in (every promotion report's `share`).

export interface ShareLinkTable {
  id: string
  code: string
  promotion_kind: string
  promotion_id: string
  created_by: string | null
  visits: number
  orders: number
  paid_orders: number
  created_at: string
}

export interface ShareVisitTable {
  id: string
  share_link_id: string
  user_id: string | null
  at: string
}

export interface ShareLinkTables {
  share_link: ShareLinkTable
  share_visit: ShareVisitTable
}

/** The promotions and the parts of them that have a link, as `share_link.promotion_kind`. */
export const SHARE_KINDS = [
  'team_buy',
  'team',
  'flash_sale',
  'bargain_activity',
  'bargain',
  'bulk_buy',
  'event',
] as const
export type ShareKind = (typeof SHARE_KINDS)[number]

export const ShareQuery = Type.Object({ share: Type.Optional(Type.String({ maxLength: 32 })) })

export const ShareTarget = Type.Object({
  code: Type.String(),
  promotionKind: Type.String({ description: SHARE_KINDS.join(', ') }),
  promotionId: Type.String(),
  activityId: Nullable(Type.String({ description: 'the team-buy or bargain activity' })),
  teamId: Nullable(Type.String()),
  path: Type.String({
    description:
      'where the H5 shop shows it (append ?share=code): /h5/flash-sales, /h5/products/{id}[?bargain={activityId}], /h5/teams/{id}, /h5/bargains/{id}, /h5/bulk-buys/{id}, /h5/events; /h5 when it is gone',
  }),
  visits: Type.Integer(),
})
export type ShareTarget = Static<typeof ShareTarget>

export const ShareStats = Type.Object(
  {
    code: Nullable(Type.String({ description: 'the link: /h5/share/{code}' })),
    visits: Type.Integer(),
    orders: Type.Integer({ description: 'orders placed with ?share=code' }),
    paidOrders: Type.Integer({ description: 'of those, paid (each counted once)' }),
  },
  { description: "the promotion's share link, with the links of its teams or launched bargains" },
)
export type ShareStats = Static<typeof ShareStats>
