import { Descriptions, Drawer, Spin, Table, Timeline, Typography } from 'antd'
import { LoadErrorResult } from '../../../components/status-result'
import type { Order } from '../../../lib/api-types'
import { formatDateTime, formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useOrder } from '../api/orders'
import { OrderStatusTag } from './order-status-tag'

type OrderLine = Order['lines'][number]

/** One order: amounts, delivery, lines and history. Pickup codes are the buyer's alone. */
export function OrderDrawer({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const { t, language } = useI18n()
  const order = useOrder(orderId)
  const data = order.data
  return (
    <Drawer open size="large" title={t('orders.detail')} onClose={onClose} destroyOnHidden>
      {order.error ? (
        <LoadErrorResult error={order.error} onRetry={order.reload} />
      ) : !data ? (
        <Spin />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'no', label: t('orders.orderNo'), children: data.orderNo },
              { key: 'shop', label: t('orders.shop'), children: data.shopName },
              {
                key: 'status',
                label: t('common.status'),
                children: <OrderStatusTag status={data.status} />,
              },
              {
                key: 'delivery',
                label: t('orders.delivery'),
                children: t(`orders.delivery.${data.delivery}`),
              },
              ...(data.pickupPoint
                ? [
                    {
                      key: 'pickup',
                      label: t('orders.pickupPoint'),
                      children: `${data.pickupPoint.name}（${data.pickupPoint.address}）`,
                    },
                  ]
                : []),
              { key: 'items', label: t('orders.items'), children: formatYuan(data.itemsFen) },
              {
                key: 'deliveryFee',
                label: t('orders.deliveryFee'),
                children: formatYuan(data.deliveryFen),
              },
              { key: 'total', label: t('orders.total'), children: formatYuan(data.totalFen) },
              {
                key: 'refunded',
                label: t('orders.refunded'),
                children: formatYuan(data.refundedFen),
              },
              {
                key: 'created',
                label: t('orders.createdAt'),
                children: formatDateTime(data.createdAt, language),
              },
              {
                key: 'paid',
                label: t('orders.paidAt'),
                children: formatDateTime(data.paidAt, language),
              },
              {
                key: 'completed',
                label: t('orders.completedAt'),
                children: formatDateTime(data.completedAt, language),
              },
              ...(data.cancelReason
                ? [{ key: 'cancel', label: t('orders.cancelReason'), children: data.cancelReason }]
                : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('orders.lines')}
          </Typography.Title>
          <Table<OrderLine>
            rowKey="skuId"
            size="small"
            pagination={false}
            dataSource={data.lines}
            columns={[
              { title: t('stock.product'), dataIndex: 'title' },
              { title: t('stock.sku'), dataIndex: 'spec' },
              {
                title: t('orders.unitPrice'),
                dataIndex: 'unitPriceFen',
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
              { title: t('orders.quantity'), dataIndex: 'quantity', align: 'right' },
              {
                title: t('orders.lineTotal'),
                dataIndex: 'lineFen',
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('orders.history')}
          </Typography.Title>
          <Timeline
            items={data.history.map((event) => ({
              key: `${event.status}-${event.at}`,
              content: (
                <>
                  {t(`order.status.${event.status}`)} · {formatDateTime(event.at, language)}
                  {event.note && <div>{event.note}</div>}
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  )
}
