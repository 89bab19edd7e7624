import { Button, Space, Table, Tag } from 'antd'
import type { Page, User } from '../../../lib/api-types'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { roleName, useRoles } from '../../../lib/reference-data'
import { TableEmpty } from '../../../components/table-empty'
import { pagePagination } from '../../../lib/page-pagination'

export type UserAction = 'edit' | 'password' | 'memberships'

interface UsersTableProps {
  page: Page<User> | undefined
  loading: boolean
  canWrite: boolean
  onPage: (page: number, pageSize: number) => void
  onAction: (action: UserAction, user: User) => void
}

export function UsersTable({ page, loading, canWrite, onPage, onAction }: UsersTableProps) {
  const { t, language } = useI18n()
  const roles = useRoles()
  return (
    <Table<User>
      rowKey="id"
      loading={loading}
      dataSource={page?.items ?? []}
      locale={{ emptyText: <TableEmpty description={t('users.empty')} /> }}
      scroll={{ x: 'max-content' }}
      pagination={pagePagination(page, onPage, t)}
      columns={[
        { title: t('users.username'), dataIndex: 'username' },
        { title: t('users.displayName'), dataIndex: 'displayName' },
        {
          title: t('common.phone'),
          dataIndex: 'phone',
          render: (phone: string | null) => phone ?? t('common.none'),
        },
        {
          title: t('users.memberships'),
          key: 'memberships',
          render: (_, user) => (
            <Space size={[0, 4]} wrap>
              {user.memberships.map((membership) => (
                <Tag key={membership.id}>
                  {membership.organizationName} ·{' '}
                  {roleName(roles, membership.role, language === 'zh-CN')}
                </Tag>
              ))}
            </Space>
          ),
        },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (_, user) => (
            <Tag color={user.status === 'active' ? 'green' : 'default'}>
              {t(`users.status.${user.status}`)}
            </Tag>
          ),
        },
        {
          title: t('users.lastLoginAt'),
          dataIndex: 'lastLoginAt',
          render: (_, user) =>
            user.lastLoginAt
              ? formatDateTime(user.lastLoginAt, language)
              : t('users.neverLoggedIn'),
        },
        ...(canWrite
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, user: User) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => onAction('edit', user)}>
                      {t('common.edit')}
                    </Button>
                    <Button type="link" size="small" onClick={() => onAction('password', user)}>
                      {t('users.resetPassword')}
                    </Button>
                    <Button type="link" size="small" onClick={() => onAction('memberships', user)}>
                      {t('users.manageMemberships')}
                    </Button>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  )
}
