import type { FastifyRequest } from 'fastify'
import type { Principal, Scope } from '../access/index.js'

/**
 * What a service needs to know about the caller: who (for the audit log), where they may act,
 * and which request this is. Services take it as an argument, after `db`.
 */
export interface Actor {
  principal: Principal | null
  /** The scope of the permission the route demanded; county-wide for public routes. */
  scope: Scope
  requestId: string
  ip: string
  /** Who is acting before a session exists: the user logging in, or the name a failed login tried. */
  claimed?: { userId: string | null; name: string }
  /** Counted by recordAudit, so a mutation that forgot its audit entry is caught. */
  auditedEntries: number
}

const NO_SCOPE: Scope = { county: false, organizationIds: new Set() }

export function actorOf(request: FastifyRequest): Actor {
  return {
    principal: request.principal,
    scope: request.scope ?? NO_SCOPE,
    requestId: request.id,
    ip: request.ip,
    auditedEntries: 0,
  }
}

/** The actor of work no request started (timers, payment callbacks): audited under its name. */
export function systemActor(job: string): Actor {
  return {
    principal: null,
    scope: { county: true, organizationIds: new Set() },
    requestId: `${job}:${Date.now().toString(36)}`,
    ip: '',
    claimed: { userId: null, name: `system:${job}` },
    auditedEntries: 0,
  }
}
