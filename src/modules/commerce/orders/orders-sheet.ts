import { type FilledSheet, fillSheet } from '../../../platform/export/index.js'
import { shanghaiDateTime } from '../../../shared/clock.js'
import { fenToYuanNumber } from '../../../shared/money.js'
import type { Order } from './order-schema.js'
import { orderStatusZh } from './order-status.js'

// The order list as clerks keep it in Excel: one row per order, yuan as numbers, Beijing time.

const DELIVERY_ZH: Record<Order['delivery'], string> = {
  home: '送货上门',
  station_pickup: '服务站自提',
  store_pickup: '体验店自提',
  counter: '门店销售',
}

const beijingTime = (iso: string | null) => (iso === null ? null : shanghaiDateTime(iso))

export const ordersSheet = (orders: readonly Order[]): FilledSheet =>
  fillSheet({
    name: '订单',
    caption: [`订单明细（共 ${orders.length} 笔，北京时间）`],
    columns: [
      { header: '订单号', value: (o: Order) => o.orderNo, width: 22 },
      { header: '店铺', value: (o: Order) => o.shopName, width: 24 },
      { header: '渠道', value: (o: Order) => (o.channel === 'pos' ? '门店' : '线上') },
      { header: '配送方式', value: (o: Order) => DELIVERY_ZH[o.delivery] },
      { header: '自提点', value: (o: Order) => o.pickupPoint?.name ?? null, width: 24 },
      { header: '状态', value: (o: Order) => orderStatusZh(o.status) },
      {
        header: '商品',
        value: (o: Order) => o.lines.map((l) => `${l.title}（${l.spec}）×${l.quantity}`).join('；'),
        width: 40,
      },
      {
        header: '商品金额（元）',
        value: (o: Order) => fenToYuanNumber(o.itemsFen),
        numberFormat: '0.00',
      },
      {
        header: '运费（元）',
        value: (o: Order) => fenToYuanNumber(o.deliveryFen),
        numberFormat: '0.00',
      },
      {
        header: '实付（元）',
        value: (o: Order) => fenToYuanNumber(o.totalFen),
        numberFormat: '0.00',
      },
      {
        header: '已退（元）',
        value: (o: Order) => fenToYuanNumber(o.refundedFen),
        numberFormat: '0.00',
      },
      { header: '下单时间', value: (o: Order) => beijingTime(o.createdAt), width: 18 },
      { header: '付款时间', value: (o: Order) => beijingTime(o.paidAt), width: 18 },
      { header: '完成时间', value: (o: Order) => beijingTime(o.completedAt), width: 18 },
    ],
    rows: orders,
  })
