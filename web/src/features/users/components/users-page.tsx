import { PlusOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import type { User } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { useListParams } from '../../../lib/use-list-params'
import { useUsers } from '../api/get-users'
import { CreateUserModal } from './create-user-modal'
import { EditUserModal } from './edit-user-modal'
import { MembershipsDrawer } from './memberships-drawer'
import { ResetPasswordModal } from './reset-password-modal'
import { UserFilters } from './user-filters'
import { UsersTable, type UserAction } from './users-table'

type Dialog = { action: 'create' } | { action: UserAction; user: User }

export function UsersPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const list = useListParams(['q', 'organizationId'] as const)
  const users = useUsers({ page: list.page, pageSize: list.pageSize, ...list.filters })
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const close = () => setDialog(null)
  const closeAndReload = () => {
    setDialog(null)
    users.reload()
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          can('users:write') && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setDialog({ action: 'create' })}
            >
              {t('users.create')}
            </Button>
          )
        }
      />
      <UserFilters
        q={list.filters.q}
        organizationId={list.filters.organizationId}
        onChange={(name, value) => list.setFilter(name, value)}
      />
      {users.error ? (
        <LoadErrorResult error={users.error} onRetry={users.reload} />
      ) : (
        <UsersTable
          page={users.data}
          loading={users.loading}
          canWrite={can('users:write')}
          onPage={list.setPage}
          onAction={(action, user) => setDialog({ action, user })}
        />
      )}
      {dialog?.action === 'create' && (
        <CreateUserModal onClose={close} onCreated={closeAndReload} />
      )}
      {dialog?.action === 'edit' && (
        <EditUserModal user={dialog.user} onClose={close} onSaved={closeAndReload} />
      )}
      {dialog?.action === 'password' && <ResetPasswordModal user={dialog.user} onClose={close} />}
      {dialog?.action === 'memberships' && (
        <MembershipsDrawer user={dialog.user} onClose={closeAndReload} />
      )}
    </>
  )
}
