import { Type, type Static } from 'typebox'
import { Nullable, PageQuery } from '../http/index.js'

export interface AuditLogTable {
  id: string
  at: string
  actor_user_id: string | null
  actor_token_id: string | null
  /** Who acted, as shown then: a user's display name, a token's name, or a login name tried. */
  actor_name: string | null
  /** The organization the entity belongs to; scopes who may read the entry. */
  organization_id: string | null
  action: string
  entity_type: string
  entity_id: string | null
  outcome: 'success' | 'denied'
  before_json: string | null
  after_json: string | null
  request_id: string | null
  ip: string | null
}

export interface AuditTables {
  audit_log: AuditLogTable
}

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorUserId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  organizationId: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  outcome: Type.Union([Type.Literal('success'), Type.Literal('denied')]),
  before: Nullable(Type.Object({}, { additionalProperties: true })),
  after: Nullable(Type.Object({}, { additionalProperties: true })),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
})
export type AuditEntry = Static<typeof AuditEntry>

export const AuditListQuery = Type.Object({
  ...PageQuery.properties,
  action: Type.Optional(Type.String({ maxLength: 100 })),
  entityType: Type.Optional(Type.String({ maxLength: 100 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  actorUserId: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
})
export type AuditListQuery = Static<typeof AuditListQuery>
