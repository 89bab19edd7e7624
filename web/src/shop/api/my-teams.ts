import { apiClient } from '../../lib/api-client'
import type { Page } from '../../lib/api-types'
import type { MyTeam } from '../../../../src/modules/promotions/team-buy/schema'

// 我的拼团: the signed-in customer's own teams, newest first.

export type { MyTeam }

export const listMyTeams = (page: number, pageSize: number, signal?: AbortSignal) =>
  apiClient.get<Page<MyTeam>>('/api/promotions/shop/my/teams', { page, pageSize }, signal)
