import { type FilledSheet, fillSheet, type SheetColumn } from '../../../platform/export/index.js'
import { shanghaiDate } from '../../../shared/clock.js'
import { fenToYuanNumber } from '../../../shared/money.js'
import type { PayoutFigures, PayoutReport } from './payout-schema.js'

// The payouts report as clerks keep it in Excel: a sheet of days with a 合计 row, and a sheet of
// shops (one row for a merchant, every shop with sales for the operating company). Yuan as numbers.

const money = <Row extends PayoutFigures>(
  header: string,
  pick: (row: Row) => number,
): SheetColumn<Row> => ({
  header,
  value: (row) => fenToYuanNumber(pick(row)),
  numberFormat: '0.00',
  width: Math.max(12, header.length * 2 + 2),
})

const figureColumns = <Row extends PayoutFigures>(): SheetColumn<Row>[] => [
  { header: '付款订单数', value: (row) => row.paidOrders },
  money('商品金额（元）', (row) => row.goodsFen),
  money('商品退款（元）', (row) => row.goodsRefundFen),
  money('应结净额（元）', (row) => row.netFen),
  money('已完成可结算（元）', (row) => row.settledFen),
  money('在途（元）', (row) => row.pendingFen),
  money('运费（元，归物流联盟）', (row) => row.deliveryFen),
  money('运费退款（元）', (row) => row.deliveryRefundFen),
]

const caption = (report: PayoutReport, title: string, scope: string) => [
  `${title}（${report.from} 至 ${report.to}，北京时间）`,
  `${scope}；生成于 ${shanghaiDate(Date.now())}`,
  '应结净额 = 商品金额 − 商品退款（退款先抵商品、超出部分为运费退款）；运费归物流联盟，不计入商家结算',
]

type DayRow = PayoutFigures & { date: string }
type ShopRow = PayoutFigures & { shopName: string }

export function payoutsSheets(report: PayoutReport, scope: string): FilledSheet[] {
  const days: DayRow[] = [...report.days, { date: '合计', ...report.totals }]
  const shops: ShopRow[] = [...report.shops, { shopName: '合计', ...report.totals }]
  return [
    fillSheet({
      name: '按日',
      caption: caption(report, '商家结算报表（按日）', scope),
      columns: [
        { header: '日期', value: (row: DayRow) => row.date, width: 12 },
        ...figureColumns(),
      ],
      rows: days,
    }),
    fillSheet({
      name: '按店铺',
      caption: caption(report, '商家结算报表（按店铺）', scope),
      columns: [
        { header: '店铺', value: (row: ShopRow) => row.shopName, width: 28 },
        ...figureColumns(),
      ],
      rows: shops,
    }),
  ]
}
