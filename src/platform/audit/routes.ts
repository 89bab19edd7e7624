import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/database.js'
import { type Actor, actorOf, Page, pageWindow } from '../http/index.js'
import { AuditEntry, AuditListQuery } from './schema.js'

export const auditRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, limited to your scope',
        querystring: AuditListQuery,
        response: { 200: Page(AuditEntry) },
      },
      config: { access: { permission: 'audit:read' } },
    },
    (request) => listAuditEntries(db, actorOf(request), request.query),
  )
}

async function listAuditEntries(
  db: Db,
  actor: Actor,
  query: AuditListQuery,
): Promise<Page<AuditEntry>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = db.selectFrom('audit_log')
  if (!actor.scope.county)
    base = base.where('organization_id', 'in', [...actor.scope.organizationIds, ''])
  if (query.action) base = base.where('action', '=', query.action)
  if (query.entityType) base = base.where('entity_type', '=', query.entityType)
  if (query.entityId) base = base.where('entity_id', '=', query.entityId)
  if (query.actorUserId) base = base.where('actor_user_id', '=', query.actorUserId)
  // Compare as ISO text: normalise the bounds to the stored form first.
  if (query.from) base = base.where('at', '>=', new Date(query.from).toISOString())
  if (query.to) base = base.where('at', '<=', new Date(query.to).toISOString())
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return {
    items: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorUserId: row.actor_user_id,
      actorName: row.actor_name,
      organizationId: row.organization_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      outcome: row.outcome,
      before:
        row.before_json === null ? null : (JSON.parse(row.before_json) as Record<string, unknown>),
      after:
        row.after_json === null ? null : (JSON.parse(row.after_json) as Record<string, unknown>),
      requestId: row.request_id,
      ip: row.ip,
    })),
    total,
    page,
    pageSize,
  }
}
