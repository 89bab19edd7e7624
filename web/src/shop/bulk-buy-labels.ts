import type { CampaignProgress } from './api/bulk-buys'

export const BULK_STATUS_ZH: Record<CampaignProgress['status'], string> = {
  draft: '未开始',
  open: '进行中',
  paused: '已暂停',
  settled: '已成团',
  failed: '未成团，已全额退款',
}

/** The settlement rule in plain words, shown wherever a buyer can join. */
export const BULK_RULE_ZH = '成团后按最终档位价格结算，多付的差价自动退回；未达最低数量全额退款。'
