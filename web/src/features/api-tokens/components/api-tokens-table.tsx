import { Button, Popconfirm, Table, Tag } from 'antd'
import type { ApiToken, Page } from '../../../lib/api-types'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { roleName, useRoles } from '../../../lib/reference-data'
import { TableEmpty } from '../../../components/table-empty'

interface ApiTokensTableProps {
  page: Page<ApiToken> | undefined
  loading: boolean
  onPage: (page: number, pageSize: number) => void
  onRevoke: (token: ApiToken) => void
}

export function ApiTokensTable({ page, loading, onPage, onRevoke }: ApiTokensTableProps) {
  const { t, language } = useI18n()
  const roles = useRoles()
  return (
    <Table<ApiToken>
      rowKey="id"
      loading={loading}
      dataSource={page?.items ?? []}
      locale={{ emptyText: <TableEmpty description={t('apiTokens.empty')} /> }}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showTotal: (total) => t('common.total', { total }),
        onChange: onPage,
      }}
      columns={[
        { title: t('apiTokens.name'), dataIndex: 'name' },
        { title: t('common.organization'), dataIndex: 'organizationName' },
        {
          title: t('common.role'),
          dataIndex: 'role',
          render: (_, token) => roleName(roles, token.role, language === 'zh-CN'),
        },
        {
          title: t('apiTokens.createdBy'),
          dataIndex: 'createdByName',
          render: (_, token) => token.createdByName ?? t('common.none'),
        },
        {
          title: t('common.createdAt'),
          dataIndex: 'createdAt',
          render: (_, token) => formatDateTime(token.createdAt, language),
        },
        {
          title: t('apiTokens.lastUsedAt'),
          dataIndex: 'lastUsedAt',
          render: (_, token) =>
            token.lastUsedAt
              ? formatDateTime(token.lastUsedAt, language)
              : t('apiTokens.neverUsed'),
        },
        {
          title: t('common.status'),
          key: 'status',
          render: (_, token) =>
            token.revokedAt ? (
              <Tag>{t('apiTokens.status.revoked')}</Tag>
            ) : (
              <Tag color="green">{t('apiTokens.status.active')}</Tag>
            ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, token) =>
            !token.revokedAt && (
              <Popconfirm
                title={t('apiTokens.revokeConfirm', { name: token.name })}
                okText={t('apiTokens.revoke')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => onRevoke(token)}
              >
                <Button type="link" size="small" danger>
                  {t('apiTokens.revoke')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  )
}
