import { Button, Select, Space, Table } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { pagePagination } from '../../../lib/page-pagination'
import { useListParams } from '../../../lib/use-list-params'
import {
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  useComplaints,
  type Complaint,
  type ComplaintKind,
  type ComplaintStatus,
} from '../api/complaints'
import { ComplaintDrawer } from './complaint-drawer'
import { ComplaintKindTag, ComplaintStatusTag } from './complaint-tags'

/**
 * Complaints and reports of counterfeit goods or fraud, for the operating company and the
 * bureau: newest first, filtered by status and kind; the drawer records how each was settled.
 */
export function ComplaintsPage() {
  const { t, language } = useI18n()
  const list = useListParams(['status', 'kind'] as const)
  const status = list.filters.status as ComplaintStatus | undefined
  const kind = list.filters.kind as ComplaintKind | undefined
  const complaints = useComplaints({ page: list.page, pageSize: list.pageSize, status, kind })
  const [open, setOpen] = useState<Complaint | null>(null)

  return (
    <>
      <PageHeader title={t('nav.complaints')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<ComplaintStatus>
          allowClear
          aria-label={t('common.status')}
          placeholder={t('common.status')}
          value={status}
          onChange={(value) => list.setFilter('status', value)}
          options={COMPLAINT_STATUSES.map((value) => ({
            value,
            label: t(`complaint.status.${value}`),
          }))}
          style={{ width: 160 }}
        />
        <Select<ComplaintKind>
          allowClear
          aria-label={t('complaint.kind')}
          placeholder={t('complaint.kind')}
          value={kind}
          onChange={(value) => list.setFilter('kind', value)}
          options={COMPLAINT_KINDS.map((value) => ({
            value,
            label: t(`complaint.kind.${value}`),
          }))}
          style={{ width: 160 }}
        />
      </Space>
      {complaints.error ? (
        <LoadErrorResult error={complaints.error} onRetry={complaints.reload} />
      ) : (
        <Table<Complaint>
          rowKey="id"
          loading={complaints.loading}
          dataSource={complaints.data?.items ?? []}
          locale={{ emptyText: <TableEmpty description={t('complaint.empty')} /> }}
          scroll={{ x: 'max-content' }}
          pagination={pagePagination(complaints.data, list.setPage, t)}
          columns={[
            {
              title: t('complaint.kind'),
              dataIndex: 'kind',
              render: (value: ComplaintKind) => <ComplaintKindTag kind={value} />,
            },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (value: ComplaintStatus) => <ComplaintStatusTag status={value} />,
            },
            {
              title: t('complaint.description'),
              dataIndex: 'description',
              ellipsis: true,
              width: 280,
            },
            {
              title: t('complaint.order'),
              dataIndex: 'orderNo',
              render: (orderNo: string | null) => orderNo ?? t('common.none'),
            },
            {
              title: t('complaint.shop'),
              dataIndex: 'shopName',
              render: (name: string | null) => name ?? t('common.none'),
            },
            {
              title: t('complaint.resolution'),
              dataIndex: 'resolution',
              ellipsis: true,
              width: 240,
              render: (resolution: string | null) => resolution ?? t('common.none'),
            },
            {
              title: t('complaint.createdAt'),
              dataIndex: 'createdAt',
              render: (at: string) => formatDateTime(at, language),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, complaint) => (
                <Button type="link" size="small" onClick={() => setOpen(complaint)}>
                  {t(
                    complaint.status === 'resolved' || complaint.status === 'dismissed'
                      ? 'complaint.view'
                      : 'complaint.handle',
                  )}
                </Button>
              ),
            },
          ]}
        />
      )}
      {open && (
        <ComplaintDrawer
          complaint={open}
          onClose={() => setOpen(null)}
          onHandled={(handled) => {
            setOpen(handled)
            complaints.reload()
          }}
        />
      )}
    </>
  )
}
