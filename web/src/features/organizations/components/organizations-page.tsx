import { PlusOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import type { Organization, OrganizationStatus, OrganizationType } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { useListParams } from '../../../lib/use-list-params'
import { useOrganizations } from '../api/get-organizations'
import { updateOrganization } from '../api/save-organization'
import { OrganizationFilters } from './organization-filters'
import { OrganizationFormModal } from './organization-form-modal'
import { OrganizationsTable } from './organizations-table'

type Dialog = { action: 'create' } | { action: 'edit'; organization: Organization }

export function OrganizationsPage() {
  const { t } = useI18n()
  const { message } = App.useApp()
  const { can } = useSession()
  const list = useListParams(['q', 'type'] as const)
  const organizations = useOrganizations({
    page: list.page,
    pageSize: list.pageSize,
    q: list.filters.q,
    type: list.filters.type as OrganizationType | undefined,
  })
  const [dialog, setDialog] = useState<Dialog | null>(null)

  async function setStatus(organization: Organization, status: OrganizationStatus) {
    try {
      await updateOrganization(organization.id, { status })
      const key = status === 'suspended' ? 'organizations.suspended' : 'organizations.activated'
      void message.success(t(key, { name: organization.name }))
      organizations.reload()
    } catch (error) {
      void message.error(errorMessage(error, t))
    }
  }

  function saved(organization: Organization) {
    const created = dialog?.action === 'create'
    setDialog(null)
    void message.success(
      created ? t('organizations.created', { name: organization.name }) : t('common.saved'),
    )
    organizations.reload()
  }

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        extra={
          can('organizations:write') && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setDialog({ action: 'create' })}
            >
              {t('organizations.create')}
            </Button>
          )
        }
      />
      <OrganizationFilters q={list.filters.q} type={list.filters.type} onChange={list.setFilter} />
      {organizations.error ? (
        <LoadErrorResult error={organizations.error} onRetry={organizations.reload} />
      ) : (
        <OrganizationsTable
          page={organizations.data}
          loading={organizations.loading}
          canWrite={can('organizations:write')}
          onPage={list.setPage}
          onEdit={(organization) => setDialog({ action: 'edit', organization })}
          onSetStatus={(organization, status) => void setStatus(organization, status)}
        />
      )}
      {dialog && (
        <OrganizationFormModal
          organization={dialog.action === 'edit' ? dialog.organization : undefined}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
    </>
  )
}
