import type { MyTeam } from './api/my-teams'
import type { Team } from './api/promotions'

// Chinese words for a team's and a seat's state, shared by the team page and 我的拼团.

export const TEAM_STATUS_ZH: Record<Team['status'], string> = {
  pending: '待成团（等待团长付款）',
  open: '待成团',
  succeeded: '已成团',
  virtual_ok: '已成团',
  failed: '拼团失败',
}

export const SEAT_STATUS_ZH: Record<MyTeam['seat']['status'], string> = {
  held: '待付款',
  paid: '已付款',
  released: '未付款已取消',
  refunded: '已退款',
}
