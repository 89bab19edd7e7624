import type { OrganizationType, Permission, Role } from './roles.js'
import { roleDefinition } from './roles.js'

export interface PrincipalMembership {
  organizationId: string
  organizationName: string
  organizationType: OrganizationType
  role: Role
  /** The organization and every organization below it: where an organization-scoped role acts. */
  reach: readonly string[]
}

/** Who is calling: a signed-in user (session) or a machine client (API token). */
export interface Principal {
  kind: 'session' | 'api_token'
  userId: string | null
  tokenId: string | null
  displayName: string
  memberships: readonly PrincipalMembership[]
  sessionId: string | null
  csrfToken: string | null
}

/** Where a permission may be used: the whole county, or a set of organizations. */
export interface Scope {
  county: boolean
  organizationIds: ReadonlySet<string>
}

/** The scope in which the principal holds the permission, or null when it holds it nowhere. */
export function scopeFor(principal: Principal, permission: Permission): Scope | null {
  let county = false
  const organizationIds = new Set<string>()
  for (const membership of principal.memberships) {
    const role = roleDefinition(membership.role)
    if (!role.permissions.includes(permission)) continue
    if (role.scope === 'county') county = true
    else for (const id of membership.reach) organizationIds.add(id)
  }
  return county || organizationIds.size > 0 ? { county, organizationIds } : null
}

export const isInScope = (scope: Scope, organizationId: string | null): boolean =>
  scope.county || (organizationId !== null && scope.organizationIds.has(organizationId))

export function permissionsOf(principal: Principal): Permission[] {
  const granted = new Set<Permission>()
  for (const membership of principal.memberships) {
    for (const permission of roleDefinition(membership.role).permissions) granted.add(permission)
  }
  return [...granted].sort()
}
