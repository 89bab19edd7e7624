// What other folders may use of the audit log. Above http, below access (access's guard audits
// refusals), so audit imports only http.
export {
  auditInsert,
  recordAudit,
  recordAuditBatch,
  recordAudits,
  type AuditEvent,
} from './record-audit.js'
export { auditRoutes } from './routes.js'
export type { AuditTables } from './schema.js'
