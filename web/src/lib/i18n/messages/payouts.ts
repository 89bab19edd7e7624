import type { MessageTable } from './message-table'

// The merchant payouts report (商家结算报表, MKT-1).
export const payoutMessages = {
  'nav.payouts': ['结算报表', 'Payouts'],
  'payouts.dates': ['统计日期', 'Dates'],
  'payouts.shop': ['店铺', 'Shop'],
  'payouts.allShops': ['全部店铺', 'All shops'],
  'payouts.date': ['日期', 'Date'],
  'payouts.total': ['合计', 'Total'],
  'payouts.paidOrders': ['付款订单数', 'Orders paid'],
  'payouts.goodsFen': ['商品金额', 'Goods sold'],
  'payouts.goodsRefundFen': ['商品退款', 'Refunds'],
  'payouts.netFen': ['应结净额', 'Net payable'],
  'payouts.settledFen': ['已完成可结算', 'Settled'],
  'payouts.pendingFen': ['在途', 'Pending'],
  'payouts.deliveryFen': ['运费（物流联盟）', 'Delivery (logistics alliance)'],
  'payouts.deliveryRefundFen': ['运费退款', 'Delivery refunded'],
  'payouts.empty': ['期间内没有结算数据', 'Nothing in this period'],
  'payouts.rule': [
    '按北京时间统计：商品金额为期间内付款订单的商品金额（线上与门店）；商品退款为期间内退款成功的金额，先抵商品、超出部分计为运费退款；应结净额 = 商品金额 − 商品退款，其中订单已完成（已签收或已自提）的部分可结算，其余为在途。运费归物流联盟，不计入商家结算。',
    'Shanghai days: goods sold are the goods of orders paid in the period (online and at the counter); refunds are those that succeeded in the period, charged to the goods first and to the delivery fee only beyond them; net payable = goods − refunds, settled for completed (delivered or collected) orders and pending for the rest. Delivery fees belong to the logistics alliance and are not the merchant’s.',
  ],
} as const satisfies MessageTable
