import { DownloadOutlined } from '@ant-design/icons'
import { Button, Input, Select, Space, Table } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { DeliveryKind, Order, OrderStatus } from '../../../lib/api-types'
import { formatDateTime, formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useListParams } from '../../../lib/use-list-params'
import { useOrders } from '../api/orders'
import { OrderDrawer } from './order-drawer'
import { OrderStatusTag } from './order-status-tag'
import { pagePagination } from '../../../lib/page-pagination'

const STATUSES: OrderStatus[] = [
  'created',
  'paid',
  'ready_for_pickup',
  'shipped',
  'completed',
  'cancelled',
  'refunding',
  'refunded',
]

/** Orders of the shops and pickup points in the user's reach. */
export function OrdersPage() {
  const { t, language } = useI18n()
  const list = useListParams(['status', 'q'] as const)
  const orders = useOrders({
    page: list.page,
    pageSize: list.pageSize,
    q: list.filters.q,
    status: list.filters.status as OrderStatus | undefined,
  })
  const [openId, setOpenId] = useState<string | null>(null)

  return (
    <>
      <PageHeader title={t('nav.orders')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={list.filters.q ?? ''}
          defaultValue={list.filters.q}
          allowClear
          placeholder={t('orders.searchPlaceholder')}
          aria-label={t('common.search')}
          onSearch={(value) => list.setFilter('q', value.trim() || undefined)}
          style={{ width: 240 }}
        />
        <Select<OrderStatus>
          allowClear
          aria-label={t('common.status')}
          placeholder={t('common.status')}
          value={list.filters.status as OrderStatus | undefined}
          onChange={(status) => list.setFilter('status', status)}
          options={STATUSES.map((status) => ({
            value: status,
            label: t(`order.status.${status}`),
          }))}
          style={{ width: 160 }}
        />
        <Button icon={<DownloadOutlined aria-hidden />} href={exportUrl(list.filters)}>
          {t('report.download')}
        </Button>
      </Space>
      {orders.error ? (
        <LoadErrorResult error={orders.error} onRetry={orders.reload} />
      ) : (
        <Table<Order>
          rowKey="id"
          loading={orders.loading}
          dataSource={orders.data?.items ?? []}
          locale={{ emptyText: <TableEmpty description={t('orders.empty')} /> }}
          scroll={{ x: 'max-content' }}
          pagination={pagePagination(orders.data, list.setPage, t)}
          columns={[
            {
              title: t('orders.orderNo'),
              dataIndex: 'orderNo',
              render: (orderNo: string, order) => (
                <Button type="link" size="small" onClick={() => setOpenId(order.id)}>
                  {orderNo}
                </Button>
              ),
            },
            { title: t('orders.shop'), dataIndex: 'shopName' },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (status: OrderStatus) => <OrderStatusTag status={status} />,
            },
            {
              title: t('orders.delivery'),
              dataIndex: 'delivery',
              render: (delivery: DeliveryKind) => t(`orders.delivery.${delivery}`),
            },
            {
              title: t('orders.total'),
              dataIndex: 'totalFen',
              align: 'right',
              render: (fen: number) => formatYuan(fen),
            },
            {
              title: t('orders.createdAt'),
              dataIndex: 'createdAt',
              render: (at: string) => formatDateTime(at, language),
            },
          ]}
        />
      )}
      {openId && <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} />}
    </>
  )
}

/** The Excel download of what the filters show (the server applies the same scope). */
function exportUrl(filters: { q?: string; status?: string }): string {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  if (filters.status) params.set('status', filters.status)
  const query = params.toString()
  return `/api/commerce/orders.xlsx${query ? `?${query}` : ''}`
}
