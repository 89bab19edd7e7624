import type { Membership, Organization, OrganizationRow, User, UserRow } from './schema.js'
import type { MembershipWithOrganization } from './repository.js'

export const toMembership = (m: MembershipWithOrganization): Membership => ({
  id: m.id,
  organizationId: m.organizationId,
  organizationName: m.organizationName,
  organizationType: m.organizationType,
  role: m.role,
})

export const toOrganization = (
  row: OrganizationRow,
  divisionName: string | null,
): Organization => ({
  id: row.id,
  type: row.type,
  name: row.name,
  code: row.code,
  divisionCode: row.division_code,
  divisionName,
  address: row.address,
  contactName: row.contact_name,
  contactPhone: row.contact_phone,
  status: row.status,
  parentId: row.parent_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export const toUser = (row: UserRow, memberships: MembershipWithOrganization[]): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  phone: row.phone,
  status: row.status,
  lastLoginAt: row.last_login_at,
  createdAt: row.created_at,
  memberships: memberships.map(toMembership),
})

/** What the audit log keeps of a user: never the password hash. */
export const userSnapshot = (row: UserRow) => ({
  username: row.username,
  displayName: row.display_name,
  phone: row.phone,
  status: row.status,
})
