import { sql } from 'kysely'
import type { Db } from '../../db/database.js'
import type { OrganizationType, Role } from '../access/index.js'
import type { NewOrganizationRow, OrganizationRow, OrganizationUpdate, UserRow } from './schema.js'

export interface MembershipWithOrganization {
  id: string
  userId: string
  organizationId: string
  organizationName: string
  organizationType: OrganizationType
  organizationStatus: 'active' | 'suspended'
  role: Role
}

export const findUserById = (db: Db, id: string): Promise<UserRow | undefined> =>
  db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst()

export const findUserByUsername = (db: Db, username: string): Promise<UserRow | undefined> =>
  db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst()

export const findOrganizationById = (db: Db, id: string): Promise<OrganizationRow | undefined> =>
  db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst()

export async function insertOrganization(db: Db, row: NewOrganizationRow): Promise<void> {
  await db.insertInto('organization').values(row).execute()
}

export async function updateOrganization(
  db: Db,
  id: string,
  changes: OrganizationUpdate,
): Promise<void> {
  await db.updateTable('organization').set(changes).where('id', '=', id).execute()
}

/** Memberships of these users with their organization's name and type, oldest first. */
export async function findMembershipsOfUsers(
  db: Db,
  userIds: readonly string[],
): Promise<MembershipWithOrganization[]> {
  if (userIds.length === 0) return []
  return db
    .selectFrom('membership')
    .innerJoin('organization', 'organization.id', 'membership.organization_id')
    .select([
      'membership.id as id',
      'membership.user_id as userId',
      'membership.organization_id as organizationId',
      'organization.name as organizationName',
      'organization.type as organizationType',
      'organization.status as organizationStatus',
      'membership.role as role',
    ])
    .where('membership.user_id', 'in', userIds)
    .orderBy('membership.created_at')
    .orderBy('membership.id')
    .execute()
}

/** The organizations at and below each root (WITH RECURSIVE reads the same on both dialects). */
export async function findOrganizationSubtrees(
  db: Db,
  rootIds: readonly string[],
): Promise<Map<string, string[]>> {
  const subtrees = new Map<string, string[]>(rootIds.map((id) => [id, [id]]))
  if (rootIds.length === 0) return subtrees
  const rows = await sql<{ root_id: string; id: string }>`
    with recursive tree(root_id, id) as (
      select id, id from organization where id in (${sql.join(rootIds)})
      union all
      select tree.root_id, child.id from organization child join tree on child.parent_id = tree.id
    )
    select root_id, id from tree`.execute(db)
  for (const row of rows.rows) {
    if (row.id !== row.root_id) subtrees.get(row.root_id)?.push(row.id)
  }
  return subtrees
}
