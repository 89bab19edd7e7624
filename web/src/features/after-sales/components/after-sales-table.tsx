import { Button, Table, type TablePaginationConfig } from 'antd'
import { TableEmpty } from '../../../components/table-empty'
import { formatDateTime, formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import type { AfterSale, AfterSaleStatus } from '../api/after-sales'
import { AfterSaleStatusTag } from './after-sale-status-tag'
import { RespondBy } from './respond-by'

/** One page of after-sales requests; the order number opens the request. */
export function AfterSalesTable({
  items,
  loading,
  pagination,
  emptyText,
  onOpen,
}: {
  items: AfterSale[]
  loading: boolean
  pagination: TablePaginationConfig
  emptyText: string
  onOpen: (request: AfterSale) => void
}) {
  const { t, language } = useI18n()
  return (
    <Table<AfterSale>
      rowKey="id"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <TableEmpty description={emptyText} /> }}
      scroll={{ x: 'max-content' }}
      pagination={pagination}
      columns={[
        {
          title: t('afterSale.order'),
          dataIndex: 'orderNo',
          render: (orderNo: string, request) => (
            <Button type="link" size="small" onClick={() => onOpen(request)}>
              {orderNo}
            </Button>
          ),
        },
        { title: t('afterSale.shop'), dataIndex: 'shopName' },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (status: AfterSaleStatus) => <AfterSaleStatusTag status={status} />,
        },
        {
          title: t('afterSale.kind'),
          dataIndex: 'kind',
          render: (kind: AfterSale['kind']) => t(`afterSale.kind.${kind}`),
        },
        {
          title: t('afterSale.amount'),
          key: 'amount',
          align: 'right',
          // Asked, and what was approved when that is less (a partial refund).
          render: (_, request) =>
            request.approvedFen === null || request.approvedFen === request.amountFen
              ? formatYuan(request.amountFen)
              : `${formatYuan(request.amountFen)}（${t('afterSale.approved')} ${formatYuan(request.approvedFen)}）`,
        },
        {
          title: t('afterSale.reason'),
          dataIndex: 'reason',
          ellipsis: true,
          width: 240,
        },
        {
          title: t('afterSale.respondBy'),
          key: 'respondBy',
          render: (_, request) => <RespondBy request={request} />,
        },
        {
          title: t('afterSale.createdAt'),
          dataIndex: 'createdAt',
          render: (at: string) => formatDateTime(at, language),
        },
      ]}
    />
  )
}
