import type { Db } from '../../db/database.js'
import { nowIso } from '../../shared/clock.js'
import { newId } from '../../shared/ids.js'
import type { Actor } from '../http/index.js'

export interface AuditEvent {
  action: string
  entityType: string
  entityId: string | null
  organizationId: string | null
  before?: object | null
  after?: object | null
  outcome?: 'success' | 'denied'
}

/**
 * Writes one audit entry inside the caller's transaction, so the entry and the change it
 * describes commit or roll back together.
 */
export const recordAudit = (db: Db, actor: Actor, event: AuditEvent): Promise<void> =>
  recordAudits(db, actor, [event])

/** Writes several audit entries in one insert (one round trip: issue 14), in the same way. */
export async function recordAudits(
  db: Db,
  actor: Actor,
  events: readonly AuditEvent[],
): Promise<void> {
  if (events.length === 0) return
  await auditInsert(db, actor, events).execute()
}

/**
 * The insert of several audit entries, for a write batch (src/db/write-batch.ts) that runs in
 * the caller's transaction: the entries count toward the request's audit check as they are
 * built, so the batch must run (or the transaction fail).
 */
export function auditInsert(db: Db, actor: Actor, events: readonly AuditEvent[]) {
  const at = nowIso()
  actor.auditedEntries += events.length
  return db.insertInto('audit_log').values(events.map((event) => auditRow(actor, event, at)))
}

/**
 * Writes many audit entries in one statement, each with its own actor and time: work done in
 * batches on behalf of many requests (e.g. flash sale holds persisted from Redis).
 */
export async function recordAuditBatch(
  db: Db,
  entries: readonly { actor: Actor; event: AuditEvent; at: string }[],
): Promise<void> {
  if (entries.length === 0) return
  await db
    .insertInto('audit_log')
    .values(entries.map(({ actor, event, at }) => auditRow(actor, event, at)))
    .execute()
  for (const { actor } of entries) actor.auditedEntries += 1
}

const auditRow = (actor: Actor, event: AuditEvent, at: string) => ({
  id: newId(),
  at,
  actor_user_id: actor.principal?.userId ?? actor.claimed?.userId ?? null,
  actor_token_id: actor.principal?.tokenId ?? null,
  actor_name: actor.principal?.displayName ?? actor.claimed?.name ?? null,
  organization_id: event.organizationId,
  action: event.action,
  entity_type: event.entityType,
  entity_id: event.entityId,
  outcome: event.outcome ?? ('success' as const),
  before_json: event.before ? JSON.stringify(withoutSecrets(event.before)) : null,
  after_json: event.after ? JSON.stringify(withoutSecrets(event.after)) : null,
  request_id: actor.requestId,
  ip: actor.ip,
})

const SECRET_KEYS = new Set([
  'password',
  'passwordHash',
  'password_hash',
  'secret',
  'tokenHash',
  'token_hash',
  'csrfToken',
])

/** Audit entries outlive their data; never copy a secret into them. */
function withoutSecrets(value: object): object {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEYS.has(key)))
}
