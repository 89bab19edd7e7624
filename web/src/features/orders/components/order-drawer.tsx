import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Spin,
  Table,
  Timeline,
  Typography,
} from 'antd'
import { useState } from 'react'
import { LoadErrorResult } from '../../../components/status-result'
import type { Order } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime, formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { shipOrder, useOrder, useShippingCarriers } from '../api/orders'
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
              ...(data.shipment
                ? [
                    {
                      key: 'shipment',
                      label: t('orders.shipment'),
                      children: (
                        <span data-testid="order-shipment">
                          {data.shipment.carrierName} {data.shipment.waybillNo}{' '}
                          <a
                            href={`/track?waybill=${encodeURIComponent(data.shipment.waybillNo)}`}
                            target="_blank"
                            rel="noreferrer"
                          >
                            {t('orders.track')}
                          </a>
                        </span>
                      ),
                    },
                  ]
                : []),
              ...(data.cancelReason
                ? [{ key: 'cancel', label: t('orders.cancelReason'), children: data.cancelReason }]
                : []),
            ]}
          />
          {data.shipsByCarrier && data.status === 'paid' && !data.shipment && (
            <ShipByCarrier order={data} onShipped={order.reload} />
          )}
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

/** Issue 15, SVC-1: an order for outside the county leaves with an alliance carrier's waybill. */
function ShipByCarrier({ order, onShipped }: { order: Order; onShipped: () => void }) {
  const { t } = useI18n()
  const { can } = useSession()
  const allowed = can('orders:ship')
  const carriers = useShippingCarriers(allowed)
  const [carrierId, setCarrierId] = useState<string>()
  const [waybill, setWaybill] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  if (!allowed) return null
  const ship = async () => {
    setSaving(true)
    setError(null)
    try {
      await shipOrder(order.id, { carrierId: carrierId ?? '', carrierWaybillNo: waybill.trim() })
      onShipped()
    } catch (caught) {
      setError(caught)
    } finally {
      setSaving(false)
    }
  }
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('orders.shipByCarrier')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('orders.shipByCarrierHint')}</Typography.Paragraph>
      <Form layout="inline">
        <Form.Item label={t('orders.carrier')}>
          <Select
            style={{ minWidth: 180 }}
            aria-label={t('orders.carrier')}
            value={carrierId}
            onChange={setCarrierId}
            loading={carriers.loading}
            options={(carriers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item label={t('orders.carrierWaybill')}>
          <Input
            aria-label={t('orders.carrierWaybill')}
            value={waybill}
            maxLength={32}
            onChange={(event) => setWaybill(event.target.value)}
          />
        </Form.Item>
        <Form.Item>
          <Popconfirm
            title={t('orders.shipConfirm', { waybill: waybill.trim() })}
            onConfirm={() => void ship()}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
          >
            <Button type="primary" loading={saving} disabled={!carrierId || waybill.trim() === ''}>
              {t('orders.ship')}
            </Button>
          </Popconfirm>
        </Form.Item>
      </Form>
      {error !== null && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(error, t)} />
      )}
    </>
  )
}
