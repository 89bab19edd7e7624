import { apiClient } from '../../../lib/api-client'
import type { AuditEntry, Page, PageQuery } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

export interface AuditLogQuery extends PageQuery {
  action?: string
  entityType?: string
  entityId?: string
  actorUserId?: string
  /** ISO-8601 UTC instants. */
  from?: string
  to?: string
}

export function getAuditLog(query: AuditLogQuery, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return apiClient.get<Page<AuditEntry>>('/api/audit-log', { ...query }, signal)
}

export function useAuditLog(query: AuditLogQuery) {
  return useRequest((signal) => getAuditLog(query, signal), JSON.stringify(query))
}
