import { Table, Tag, Typography } from 'antd'
import type { AuditEntry, Page } from '../../../lib/api-types'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { actionLabel, entityTypeLabel } from './audit-labels'
import { AuditEntryDetail } from './audit-entry-detail'
import { TableEmpty } from '../../../components/table-empty'
import { pagePagination } from '../../../lib/page-pagination'

interface AuditTableProps {
  page: Page<AuditEntry> | undefined
  loading: boolean
  onPage: (page: number, pageSize: number) => void
}

export function AuditTable({ page, loading, onPage }: AuditTableProps) {
  const { t, language } = useI18n()
  return (
    <Table<AuditEntry>
      rowKey="id"
      loading={loading}
      dataSource={page?.items ?? []}
      locale={{ emptyText: <TableEmpty description={t('audit.empty')} /> }}
      // Fixed layout: an expanded row's long JSON must wrap, not widen the whole table.
      tableLayout="fixed"
      expandable={{ expandedRowRender: (entry) => <AuditEntryDetail entry={entry} /> }}
      pagination={pagePagination(page, onPage, t)}
      columns={[
        {
          title: t('audit.at'),
          dataIndex: 'at',
          width: 190,
          render: (_, entry) => formatDateTime(entry.at, language),
        },
        {
          title: t('audit.actor'),
          dataIndex: 'actorName',
          width: 200,
          render: (_, entry) => entry.actorName ?? t('audit.system'),
        },
        {
          title: t('audit.action'),
          dataIndex: 'action',
          render: (_, entry) => (
            <span title={entry.action}>
              {actionLabel(t, entry.action)}{' '}
              {entry.outcome === 'denied' && <Tag color="red">{t('audit.outcome.denied')}</Tag>}
            </span>
          ),
        },
        {
          title: t('audit.entity'),
          key: 'entity',
          render: (_, entry) => (
            <>
              {entityTypeLabel(t, entry.entityType)}{' '}
              {entry.entityId && (
                <Typography.Text type="secondary" code>
                  {entry.entityId}
                </Typography.Text>
              )}
            </>
          ),
        },
        {
          title: t('audit.ip'),
          dataIndex: 'ip',
          width: 140,
          render: (_, entry) => entry.ip ?? t('common.none'),
        },
      ]}
    />
  )
}
