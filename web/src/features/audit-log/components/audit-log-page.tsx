import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { shanghaiDayEndUtc, shanghaiDayStartUtc } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useListParams } from '../../../lib/use-list-params'
import { useAuditLog } from '../api/get-audit-log'
import { AuditFilters } from './audit-filters'
import { AuditTable } from './audit-table'

// entityId: the history of one record (a link from its page, or a URL a colleague sends).
const FILTERS = ['action', 'entityType', 'entityId', 'actorUserId', 'fromDay', 'toDay'] as const

/** The audit trail, newest first (the server's order). Days in the filter are Beijing days. */
export function AuditLogPage() {
  const { t } = useI18n()
  const list = useListParams(FILTERS)
  const { fromDay, toDay, ...filters } = list.filters
  const entries = useAuditLog({
    page: list.page,
    pageSize: list.pageSize,
    ...filters,
    from: fromDay ? shanghaiDayStartUtc(fromDay) : undefined,
    to: toDay ? shanghaiDayEndUtc(toDay) : undefined,
  })
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <AuditFilters
        filters={list.filters}
        onChange={list.setFilter}
        onChangeDays={(from, to) => list.setFilters({ fromDay: from, toDay: to })}
      />
      {entries.error ? (
        <LoadErrorResult error={entries.error} onRetry={entries.reload} />
      ) : (
        <AuditTable page={entries.data} loading={entries.loading} onPage={list.setPage} />
      )}
    </>
  )
}
