import { Button, Popconfirm, Space, Table, Tag } from 'antd'
import type { Organization, Page } from '../../../lib/api-types'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { TableEmpty } from '../../../components/table-empty'
import { pagePagination } from '../../../lib/page-pagination'

interface OrganizationsTableProps {
  page: Page<Organization> | undefined
  loading: boolean
  canWrite: boolean
  onPage: (page: number, pageSize: number) => void
  onEdit: (organization: Organization) => void
  onSetStatus: (organization: Organization, status: Organization['status']) => void
}

export function OrganizationsTable({
  page,
  loading,
  canWrite,
  onPage,
  onEdit,
  onSetStatus,
}: OrganizationsTableProps) {
  const { t, language } = useI18n()
  return (
    <Table<Organization>
      rowKey="id"
      loading={loading}
      dataSource={page?.items ?? []}
      locale={{ emptyText: <TableEmpty description={t('organizations.empty')} /> }}
      scroll={{ x: 'max-content' }}
      pagination={pagePagination(page, onPage, t)}
      columns={[
        { title: t('organizations.name'), dataIndex: 'name' },
        {
          title: t('organizations.type'),
          dataIndex: 'type',
          render: (_, o) => t(`orgType.${o.type}`),
        },
        {
          title: t('organizations.code'),
          dataIndex: 'code',
          render: (_, o) => o.code ?? t('common.none'),
        },
        {
          title: t('organizations.division'),
          dataIndex: 'divisionName',
          render: (_, o) => o.divisionName ?? t('common.none'),
        },
        {
          title: t('organizations.contactName'),
          key: 'contact',
          render: (_, o) =>
            [o.contactName, o.contactPhone].filter(Boolean).join(' ') || t('common.none'),
        },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (_, o) => (
            <Tag color={o.status === 'active' ? 'green' : 'orange'}>
              {t(`organizations.status.${o.status}`)}
            </Tag>
          ),
        },
        {
          title: t('common.createdAt'),
          dataIndex: 'createdAt',
          render: (_, o) => formatDateTime(o.createdAt, language),
        },
        ...(canWrite
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, o: Organization) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => onEdit(o)}>
                      {t('common.edit')}
                    </Button>
                    {o.status === 'active' ? (
                      <Popconfirm
                        title={t('organizations.suspendConfirm', { name: o.name })}
                        okText={t('organizations.suspend')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => onSetStatus(o, 'suspended')}
                      >
                        <Button type="link" size="small" danger>
                          {t('organizations.suspend')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button type="link" size="small" onClick={() => onSetStatus(o, 'active')}>
                        {t('organizations.activate')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  )
}
