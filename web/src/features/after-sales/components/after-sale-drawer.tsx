import { Descriptions, Drawer, Flex, Spin, Table, Typography } from 'antd'
import type { ReactNode } from 'react'
import { LoadErrorResult } from '../../../components/status-result'
import type { Order } from '../../../lib/api-types'
import { formatDateTime, formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useAfterSaleOrder, type AfterSale } from '../api/after-sales'
import { AfterSaleStatusTag } from './after-sale-status-tag'
import { RespondBy } from './respond-by'

type OrderLine = Order['lines'][number]

/**
 * One request: what the buyer asked for and why, the answers so far, and the order's lines and
 * refunds. `actions` are the buttons the page allows in the request's state. The API keeps no
 * photos with a request yet, so the photos row says so.
 */
export function AfterSaleDrawer({
  request,
  actions,
  onClose,
}: {
  request: AfterSale
  actions?: ReactNode
  onClose: () => void
}) {
  const { t, language } = useI18n()
  const order = useAfterSaleOrder(request.orderId)
  return (
    <Drawer
      open
      size="large"
      title={t('afterSale.detail')}
      onClose={onClose}
      destroyOnHidden
      extra={actions}
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'order', label: t('afterSale.order'), children: request.orderNo },
          { key: 'shop', label: t('afterSale.shop'), children: request.shopName },
          {
            key: 'status',
            label: t('common.status'),
            children: <AfterSaleStatusTag status={request.status} />,
          },
          {
            key: 'kind',
            label: t('afterSale.kind'),
            children: t(`afterSale.kind.${request.kind}`),
          },
          { key: 'amount', label: t('afterSale.amount'), children: formatYuan(request.amountFen) },
          ...(request.returnWaybillNo === null
            ? []
            : [
                {
                  key: 'return',
                  label: t('afterSale.returnShipment'),
                  children: `${request.returnCarrier ?? ''} ${request.returnWaybillNo}`,
                },
              ]),
          ...(request.approvedFen === null
            ? []
            : [
                {
                  key: 'approved',
                  label: t('afterSale.approved'),
                  children: formatYuan(request.approvedFen),
                },
              ]),
          {
            key: 'reason',
            label: t('afterSale.reason'),
            children: (
              <Typography.Text data-testid="after-sale-reason">{request.reason}</Typography.Text>
            ),
          },
          {
            key: 'photos',
            label: t('afterSale.photos'),
            children: <Typography.Text type="secondary">{t('afterSale.noPhotos')}</Typography.Text>,
          },
          {
            key: 'respondBy',
            label: t('afterSale.respondBy'),
            children: <RespondBy request={request} />,
          },
          {
            key: 'created',
            label: t('afterSale.createdAt'),
            children: formatDateTime(request.createdAt, language),
          },
          ...(request.merchantNote
            ? [
                {
                  key: 'merchant',
                  label: t('afterSale.merchantNote'),
                  children: request.merchantNote,
                },
              ]
            : []),
          ...(request.operatorNote
            ? [
                {
                  key: 'operator',
                  label: t('afterSale.operatorNote'),
                  children: request.operatorNote,
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('afterSale.lines')}
      </Typography.Title>
      {order.error ? (
        <LoadErrorResult error={order.error} onRetry={order.reload} />
      ) : !order.data ? (
        <Spin />
      ) : (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={2}
            items={[
              {
                key: 'total',
                label: t('afterSale.orderTotal'),
                children: formatYuan(order.data.totalFen),
              },
              {
                key: 'refunded',
                label: t('afterSale.orderRefunded'),
                children: (
                  <span data-testid="order-refunded">{formatYuan(order.data.refundedFen)}</span>
                ),
              },
            ]}
          />
          <Table<OrderLine>
            rowKey="skuId"
            size="small"
            pagination={false}
            dataSource={order.data.lines}
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
        </Flex>
      )}
    </Drawer>
  )
}
