import { apiClient } from '../../lib/api-client'
import type { CheckoutResult } from '../../lib/api-types'
import type {
  ActivityWithTeams,
  SeatBody,
  SeatTaken,
  ShareTarget,
  Team,
  TeamWithViewer,
} from '../../../../src/modules/promotions/team-buy/schema'
import type {
  FlashHold,
  FlashSessionList,
  HoldCheckoutBody,
} from '../../../../src/modules/promotions/flash-sale/schema'

// 拼团 and 秒杀 for buyers (docs/promotions.md). Types only from the server's schemas.

export type {
  ActivityWithTeams,
  FlashHold,
  FlashSessionList,
  SeatBody,
  SeatTaken,
  ShareTarget,
  Team,
  TeamWithViewer,
}
export type TeamActivity = ActivityWithTeams['activity']
export type FlashSession = FlashSessionList['sessions'][number]
export type FlashSku = FlashSession['skus'][number]

const BASE = '/api/promotions/shop'
const id = encodeURIComponent
/** Keeps the share link the buyer came through (MKT-2) on a page or an order-placing call. */
export const withShare = (path: string, share: string | null) =>
  share ? `${path}?share=${id(share)}` : path

export const listProductTeamBuys = (productId: string, signal?: AbortSignal) =>
  apiClient.get<ActivityWithTeams[]>(`${BASE}/team-buys`, { productId }, signal)

export const getTeamBuy = (activityId: string, signal?: AbortSignal) =>
  apiClient.get<ActivityWithTeams>(`${BASE}/team-buys/${id(activityId)}`, undefined, signal)

export const getTeam = (teamId: string, signal?: AbortSignal) =>
  apiClient.get<TeamWithViewer>(`${BASE}/teams/${id(teamId)}`, undefined, signal)

export const openTeam = (activityId: string, body: SeatBody, share: string | null) =>
  apiClient.post<SeatTaken>(withShare(`${BASE}/team-buys/${id(activityId)}/teams`, share), body)

export const joinTeam = (teamId: string, body: SeatBody, share: string | null) =>
  apiClient.post<SeatTaken>(withShare(`${BASE}/teams/${id(teamId)}/join`, share), body)

/** Follows a share link: the server counts the visit and says where it leads. */
export const visitShare = (code: string, signal?: AbortSignal) =>
  apiClient.get<ShareTarget>(`${BASE}/share/${id(code)}`, undefined, signal)

export const listFlashSales = (signal?: AbortSignal) =>
  apiClient.get<FlashSessionList>(`${BASE}/flash-sales`, undefined, signal)

/** The hold keeps `share` and gives it to the order at checkout. */
export const admitToFlashSale = (
  sessionId: string,
  skuId: string,
  quantity: number,
  share: string | null,
) =>
  apiClient.post<FlashHold>(withShare(`${BASE}/flash-sales/${id(sessionId)}/admissions`, share), {
    skuId,
    quantity,
  })

export const getFlashHold = (holdId: string, signal?: AbortSignal) =>
  apiClient.get<FlashHold>(`${BASE}/flash-sale-holds/${id(holdId)}`, undefined, signal)

/** Calling again (a double tap, a retry) answers the same order. */
export const checkoutFlashHold = (holdId: string, body: HoldCheckoutBody) =>
  apiClient.post<CheckoutResult>(`${BASE}/flash-sale-holds/${id(holdId)}/checkout`, body)
