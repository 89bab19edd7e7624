import { Type, type Static } from 'typebox'
import { Nullable } from '../../../platform/http/index.js'
import { ShareStats } from '../shared/index.js'
import { PayAction, PaymentInfo } from '../../commerce/orders/order-schema.js'

// SVC-3 拼团: tables and the API's shapes.

export const ACTIVITY_STATUSES = ['draft', 'active', 'paused', 'ended'] as const
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]
export const TEAM_STATUSES = ['pending', 'open', 'succeeded', 'failed', 'virtual_ok'] as const
export type TeamStatus = (typeof TEAM_STATUSES)[number]
export const SEAT_STATUSES = ['held', 'paid', 'released', 'refunded'] as const
export type SeatStatus = (typeof SEAT_STATUSES)[number]

export interface TeamActivityTable {
  id: string
  sku_id: string
  title: string
  team_price_fen: number
  team_size: number
  ttl_s: number
  starts_at: string
  ends_at: string
  stock: number
  /** Units of held and paid seats: never above `stock`. */
  stock_taken: number
  per_order_limit: number
  per_user_limit: number
  new_user_leader_only: number
  /** null: no virtual fill; else the real paid members an expiring team needs to be filled. */
  virtual_fill_min: number | null
  status: ActivityStatus
  created_by: string | null
  created_at: string
  updated_at: string
}

export interface TeamTable {
  id: string
  activity_id: string
  leader_user_id: string
  status: TeamStatus
  size: number
  /** Never above `size`; paid_members + held_seats never above `size` either. */
  paid_members: number
  held_seats: number
  /** Seats filled by the platform at expiry (virtual_ok): shown as such, never hidden. */
  virtual_members: number
  opened_at: string | null
  expires_at: string | null
  finished_at: string | null
  created_at: string
}

export interface TeamSeatTable {
  id: string
  team_id: string
  activity_id: string
  user_id: string
  order_id: string
  quantity: number
  status: SeatStatus
  is_leader: number
  open_activity_id: string | null
  share_code: string | null
  paid_at: string | null
  created_at: string
  updated_at: string
}

export interface TeamBuyTables {
  team_activity: TeamActivityTable
  team: TeamTable
  team_seat: TeamSeatTable
}

// ---- API ----

const Iso = Type.String({ format: 'date-time' })

const ActivityFields = {
  title: Type.String({ minLength: 1, maxLength: 60 }),
  teamPriceFen: Type.Integer({ minimum: 1 }),
  teamSize: Type.Integer({ minimum: 2, maximum: 50 }),
  ttlS: Type.Integer({ minimum: 60, maximum: 7 * 86400, default: 86400 }),
  startsAt: Iso,
  endsAt: Iso,
  stock: Type.Integer({ minimum: 1 }),
  perOrderLimit: Type.Integer({ minimum: 1, maximum: 99 }),
  perUserLimit: Type.Integer({ minimum: 1, maximum: 999 }),
  newUserLeaderOnly: Type.Boolean(),
  virtualFillMin: Nullable(Type.Integer({ minimum: 1, maximum: 49 })),
}

export const CreateActivityBody = Type.Object(
  {
    skuId: Type.String({ minLength: 1 }),
    ...ActivityFields,
    ttlS: Type.Optional(ActivityFields.ttlS),
    newUserLeaderOnly: Type.Optional(Type.Boolean()),
    virtualFillMin: Type.Optional(ActivityFields.virtualFillMin),
  },
  { additionalProperties: false },
)
export type CreateActivityBody = Static<typeof CreateActivityBody>

export const UpdateActivityBody = Type.Partial(Type.Object(ActivityFields), {
  additionalProperties: false,
})
export type UpdateActivityBody = Static<typeof UpdateActivityBody>

export const ActivityStatusBody = Type.Object(
  { status: Type.Enum(['active', 'paused', 'ended']) },
  { additionalProperties: false },
)

export const Activity = Type.Object({
  id: Type.String(),
  skuId: Type.String(),
  productId: Type.String(),
  productTitle: Type.String(),
  spec: Type.String(),
  title: Type.String(),
  soloPriceFen: Type.Integer({ description: 'the SKU’s normal price' }),
  teamPriceFen: Type.Integer(),
  teamSize: Type.Integer(),
  ttlS: Type.Integer(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  stock: Type.Integer(),
  stockLeft: Type.Integer(),
  perOrderLimit: Type.Integer(),
  perUserLimit: Type.Integer(),
  newUserLeaderOnly: Type.Boolean(),
  virtualFillMin: Nullable(Type.Integer()),
  status: Type.Enum(ACTIVITY_STATUSES),
  shareCode: Nullable(Type.String()),
})
export type Activity = Static<typeof Activity>

export const ActivityReport = Type.Object({
  activityId: Type.String(),
  teams: Type.Record(Type.String(), Type.Integer(), {
    description: 'teams by status (pending, open, succeeded, failed, virtual_ok)',
  }),
  paidMembers: Type.Integer({ description: 'real buyers who paid, in teams of every status' }),
  virtualMembers: Type.Integer({ description: 'seats the platform filled (virtual_ok teams)' }),
  virtualTeams: Type.Integer(),
  refundedSeats: Type.Integer(),
  unitsSold: Type.Integer(),
  share: ShareStats,
})
export type ActivityReport = Static<typeof ActivityReport>

export const TeamMember = Type.Object({
  nickname: Type.String({ description: 'masked: 用户1234 → 用**' }),
  avatarUrl: Nullable(Type.String()),
  isLeader: Type.Boolean(),
  paidAt: Type.String(),
})

export const Team = Type.Object({
  id: Type.String(),
  activityId: Type.String(),
  status: Type.Enum(TEAM_STATUSES),
  size: Type.Integer(),
  paidMembers: Type.Integer(),
  virtualMembers: Type.Integer(),
  seatsLeft: Type.Integer({ description: 'seats neither paid nor held for a payment' }),
  expiresAt: Nullable(Type.String()),
  secondsLeft: Type.Integer(),
  serverTime: Type.String(),
  members: Type.Array(TeamMember),
  shareCode: Nullable(Type.String()),
})
export type Team = Static<typeof Team>

export const ActivityWithTeams = Type.Object({
  activity: Activity,
  teams: Type.Array(Team),
  serverTime: Type.String(),
})
export type ActivityWithTeams = Static<typeof ActivityWithTeams>

export const SeatBody = Type.Object(
  {
    quantity: Type.Integer({ minimum: 1, maximum: 99, default: 1 }),
    delivery: Type.Enum(['home', 'station_pickup', 'store_pickup']),
    addressId: Type.Optional(Type.String()),
    pickupLocationId: Type.Optional(Type.String()),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)
export type SeatBody = Static<typeof SeatBody>

export { ShareQuery, ShareTarget } from '../shared/index.js'

/** The viewer's own seat in a team: null when signed out or not a member. */
export const ViewerSeat = Type.Object({
  status: Type.Enum(SEAT_STATUSES),
  orderId: Type.String(),
  isLeader: Type.Boolean(),
})
export type ViewerSeat = Static<typeof ViewerSeat>

export const TeamWithViewer = Type.Object({
  ...Team.properties,
  viewerSeat: Nullable(ViewerSeat),
})
export type TeamWithViewer = Static<typeof TeamWithViewer>

/** One of "my teams": the team a signed-in customer holds (or held) a seat in. */
export const MyTeam = Type.Object({
  teamId: Type.String(),
  activityId: Type.String(),
  activityTitle: Type.String(),
  productId: Type.String(),
  productTitle: Type.String(),
  spec: Type.String(),
  teamStatus: Type.Enum(TEAM_STATUSES),
  paidMembers: Type.Integer(),
  size: Type.Integer(),
  expiresAt: Nullable(Type.String()),
  seat: ViewerSeat,
  joinedAt: Type.String(),
})
export type MyTeam = Static<typeof MyTeam>

export const SeatTaken = Type.Object({
  teamId: Type.String(),
  seatId: Type.String(),
  orderId: Type.String(),
  payment: PaymentInfo,
  action: Nullable(PayAction),
})
export type SeatTaken = Static<typeof SeatTaken>
