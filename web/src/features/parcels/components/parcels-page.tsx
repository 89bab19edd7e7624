import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import type { Parcel, ParcelStatus } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { useListParams } from '../../../lib/use-list-params'
import { useParcels } from '../api/get-parcels'
import { ParcelDrawer } from './parcel-drawer'
import { ParcelFilters } from './parcel-filters'
import { ParcelsTable } from './parcels-table'

const FILTERS = ['q', 'status', 'carrierId', 'townshipCode', 'unmatched', 'promise'] as const

/** Every parcel in the user's scope, filtered on the server; the filters live in the URL. */
export function ParcelsPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const list = useListParams(FILTERS)
  const { status, unmatched, promise, ...filters } = list.filters
  const parcels = useParcels({
    page: list.page,
    pageSize: list.pageSize,
    ...filters,
    status: status as ParcelStatus | undefined,
    unmatched: unmatched === 'true' ? 'true' : undefined,
    promise: promise === 'at_risk' || promise === 'breached' ? promise : undefined,
  })
  const [open, setOpen] = useState<Parcel | null>(null)
  return (
    <>
      <PageHeader title={t('parcels.title')} />
      <ParcelFilters filters={list.filters} onChange={list.setFilter} />
      {parcels.error ? (
        <LoadErrorResult error={parcels.error} onRetry={parcels.reload} />
      ) : (
        <ParcelsTable
          page={parcels.data}
          loading={parcels.loading}
          onPage={list.setPage}
          onOpen={setOpen}
        />
      )}
      {open && (
        <ParcelDrawer
          parcel={open}
          canManage={can('parcels:manage')}
          onClose={() => setOpen(null)}
          onChanged={parcels.reload}
        />
      )}
    </>
  )
}
