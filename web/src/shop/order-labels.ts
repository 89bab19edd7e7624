import type { DeliveryKind, OrderStatus } from '../lib/api-types'

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
