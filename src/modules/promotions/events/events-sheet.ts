import { type FilledSheet, fillSheet } from '../../../platform/export/index.js'
import { shanghaiDateTime } from '../../../shared/clock.js'
import { fenToYuanNumber } from '../../../shared/money.js'
import type { PromotionEvent } from './schema.js'

// The events as the bureau's yearly review wants them (SVC-4: at least two a year), Beijing time.

const STATUS_ZH = { planned: '计划中', held: '已举办', cancelled: '已取消' } as const

export const eventsSheet = (events: readonly PromotionEvent[], caption: string): FilledSheet =>
  fillSheet({
    name: '线下推广活动',
    caption: [caption],
    columns: [
      { header: '活动名称', value: (e: PromotionEvent) => e.title, width: 28 },
      { header: '状态', value: (e) => STATUS_ZH[e.status] },
      { header: '开始（北京时间）', value: (e) => shanghaiDateTime(e.startsAt), width: 18 },
      { header: '结束（北京时间）', value: (e) => shanghaiDateTime(e.endsAt), width: 18 },
      { header: '地区', value: (e) => e.region, width: 20 },
      { header: '地点', value: (e) => e.place, width: 24 },
      { header: '推介商品', value: (e) => e.products.map((p) => p.title).join('、'), width: 40 },
      { header: '到场人数', value: (e) => e.visitors },
      { header: '成交订单', value: (e) => e.ordersCount },
      {
        header: '销售额（元）',
        value: (e) => (e.salesFen === null ? null : fenToYuanNumber(e.salesFen)),
        numberFormat: '0.00',
        width: 14,
      },
      { header: '邀请链接访问', value: (e) => e.shareVisits },
      { header: '总结 / 取消原因', value: (e) => e.resultNote ?? e.cancelReason, width: 40 },
    ],
    rows: events,
  })
