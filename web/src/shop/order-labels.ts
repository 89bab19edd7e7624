import type { DeliveryKind, OrderStatus, ParcelStatus } from '../lib/api-types'
import type { AfterSaleKind, AfterSaleStatus, ComplaintKind } from './api/after-sales'

export const ORDER_STATUS_ZH: Record<OrderStatus, string> = {
  created: '待付款',
  paid: '已付款',
  ready_for_pickup: '待取货',
  shipped: '已发货',
  completed: '已完成',
  cancelled: '已取消',
  refunding: '退款中',
  refunded: '已退款',
}

/** Where the parcel carrying a home-delivery or station-pickup order is, in the buyer's words. */
export const PARCEL_STATUS_ZH: Record<ParcelStatus, string> = {
  announced: '仓库备货中',
  received: '物流中心已收件',
  sorted: '已分拣',
  loaded: '已装车',
  in_transit: '运输中',
  at_station: '已到达服务站',
  picked_up: '已签收',
  returned: '已退回',
}

export const DELIVERY_ZH: Record<DeliveryKind, string> = {
  store_pickup: '体验店自提',
  station_pickup: '服务站自提',
  home: '送货上门',
  counter: '门店购买',
}

/** A paid order that has not been collected can still be refunded in full. */
export const canRefund = (status: OrderStatus): boolean =>
  status === 'paid' || status === 'ready_for_pickup'

/** Only paths inside the shop are followed after sign-in or payment (no open redirects). */
export const safeShopPath = (path: string | null, fallback: string): string =>
  path?.startsWith('/h5/') && !path.startsWith('//') ? path : fallback

/** A paid order, whether collected or not, can still ask for after-sales (docs/commerce.md). */
export const canAskAfterSale = (status: OrderStatus): boolean =>
  status === 'paid' ||
  status === 'ready_for_pickup' ||
  status === 'shipped' ||
  status === 'completed'

export const AFTER_SALE_KIND_ZH: Record<AfterSaleKind, string> = {
  refund_only: '仅退款',
  return_refund: '退货退款',
}

export const AFTER_SALE_STATUS_ZH: Record<AfterSaleStatus, string> = {
  awaiting_merchant: '待商家处理',
  escalated: '平台处理中',
  awaiting_return: '商家已同意，请寄回商品',
  returning: '退货途中，待商家确认收货',
  approved: '已同意，退款中',
  rejected: '商家已拒绝',
  refunded: '已退款',
}

export const COMPLAINT_KIND_ZH: Record<ComplaintKind, string> = {
  complaint: '投诉',
  counterfeit: '假货举报',
  fraud: '欺诈举报',
}
