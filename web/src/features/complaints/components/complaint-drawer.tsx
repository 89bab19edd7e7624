import { Descriptions, Drawer, Flex, Spin, Typography } from 'antd'
import { LoadErrorResult } from '../../../components/status-result'
import { formatDateTime, formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { NEXT_STATUSES, useComplaintOrder, type Complaint } from '../api/complaints'
import { ComplaintKindTag, ComplaintStatusTag } from './complaint-tags'
import { HandleComplaintForm } from './handle-complaint-form'

/** One complaint or report: what the buyer said, the order it names, and its handling. */
export function ComplaintDrawer({
  complaint,
  onClose,
  onHandled,
}: {
  complaint: Complaint
  onClose: () => void
  onHandled: (complaint: Complaint) => void
}) {
  const { t, language } = useI18n()
  const closed = NEXT_STATUSES[complaint.status].length === 0
  return (
    <Drawer open size="large" title={t('complaint.detail')} onClose={onClose} destroyOnHidden>
      <Flex vertical gap={24}>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            {
              key: 'kind',
              label: t('complaint.kind'),
              children: <ComplaintKindTag kind={complaint.kind} />,
            },
            {
              key: 'status',
              label: t('common.status'),
              children: (
                <span data-testid="complaint-status">
                  <ComplaintStatusTag status={complaint.status} />
                </span>
              ),
            },
            {
              key: 'description',
              label: t('complaint.description'),
              children: complaint.description,
            },
            {
              key: 'shop',
              label: t('complaint.shop'),
              children: complaint.shopName ?? t('common.none'),
            },
            {
              key: 'created',
              label: t('complaint.createdAt'),
              children: formatDateTime(complaint.createdAt, language),
            },
            {
              key: 'updated',
              label: t('complaint.updatedAt'),
              children: formatDateTime(complaint.updatedAt, language),
            },
            {
              key: 'resolution',
              label: t('complaint.resolution'),
              children: (
                <span data-testid="complaint-resolution">
                  {complaint.resolution ?? (
                    <Typography.Text type="secondary">
                      {t('complaint.noResolution')}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
          ]}
        />
        {complaint.orderId && <ComplaintOrder orderId={complaint.orderId} />}
        {closed ? (
          <Typography.Text type="secondary">{t('complaint.closed')}</Typography.Text>
        ) : (
          <HandleComplaintForm
            key={complaint.status}
            complaint={complaint}
            onHandled={(handled) => onHandled({ ...complaint, ...handled })}
          />
        )}
      </Flex>
    </Drawer>
  )
}

function ComplaintOrder({ orderId }: { orderId: string }) {
  const { t } = useI18n()
  const order = useComplaintOrder(orderId)
  if (order.error) return <LoadErrorResult error={order.error} onRetry={order.reload} />
  if (!order.data) return <Spin />
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'no', label: t('complaint.order'), children: order.data.orderNo },
        {
          key: 'status',
          label: t('complaint.orderStatus'),
          children: t(`order.status.${order.data.status}`),
        },
        {
          key: 'total',
          label: t('complaint.orderTotal'),
          children: formatYuan(order.data.totalFen),
        },
        {
          key: 'refunded',
          label: t('orders.refunded'),
          children: formatYuan(order.data.refundedFen),
        },
        {
          key: 'lines',
          label: t('orders.lines'),
          children: order.data.lines
            .map((line) => `${line.title} ${line.spec} × ${line.quantity}`)
            .join('；'),
        },
      ]}
    />
  )
}
