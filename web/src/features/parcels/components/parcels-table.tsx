import { Button, Table, Tag } from 'antd'
import { TableEmpty } from '../../../components/table-empty'
import type { Page, Parcel } from '../../../lib/api-types'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { ParcelStatusTag } from './parcel-status-tag'
import { pagePagination } from '../../../lib/page-pagination'

interface ParcelsTableProps {
  page: Page<Parcel> | undefined
  loading: boolean
  onPage: (page: number, pageSize: number) => void
  onOpen: (parcel: Parcel) => void
}

export function ParcelsTable({ page, loading, onPage, onOpen }: ParcelsTableProps) {
  const { t, language } = useI18n()
  return (
    <Table<Parcel>
      rowKey="id"
      loading={loading}
      dataSource={page?.items ?? []}
      locale={{ emptyText: <TableEmpty description={t('parcels.empty')} /> }}
      scroll={{ x: 1100 }}
      pagination={pagePagination(page, onPage, t)}
      columns={[
        { title: t('parcels.waybill'), dataIndex: 'waybillNo', width: 150 },
        { title: t('parcels.carrier'), dataIndex: 'carrierName', width: 190 },
        {
          title: t('parcels.recipient'),
          key: 'recipient',
          width: 150,
          render: (_, parcel) => `${parcel.recipientName} ${parcel.recipientPhone}`,
        },
        { title: t('parcels.address'), dataIndex: 'address', ellipsis: true },
        {
          title: t('parcels.destination'),
          key: 'destination',
          width: 170,
          render: (_, parcel) =>
            parcel.destinationName ?? <Tag color="red">{t('parcels.unmatched')}</Tag>,
        },
        {
          title: t('parcels.status'),
          dataIndex: 'status',
          width: 130,
          render: (_, parcel) => <ParcelStatusTag status={parcel.status} />,
        },
        {
          title: t('parcels.dueAt'),
          dataIndex: 'dueAt',
          width: 170,
          render: (_, parcel) => formatDateTime(parcel.dueAt, language),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 90,
          fixed: 'right',
          render: (_, parcel) => (
            <Button type="link" size="small" onClick={() => onOpen(parcel)}>
              {t('parcels.view')}
            </Button>
          ),
        },
      ]}
    />
  )
}
