import type { Db } from '../../db/database.js'
import { nowIso } from '../../shared/clock.js'
import type { OrganizationType, Role } from '../access/index.js'

// What other folders may read and write of accounts' tables (issue 13): organizations by id or
// type, user contacts, the customer accounts of the H5 shop. Each takes the caller's db or
// transaction first, so a request stays one transaction.

export interface OrganizationSummary {
  id: string
  name: string
  type: OrganizationType
  status: 'active' | 'suspended'
  createdAt: string
}

const selectSummaries = (db: Db) =>
  db.selectFrom('organization').select(['id', 'name', 'type', 'status', 'created_at as createdAt'])

/** Organizations matching every given filter, by name (then id). */
export async function organizationsOf(
  db: Db,
  filter: {
    ids?: readonly string[]
    type?: OrganizationType
    status?: OrganizationSummary['status']
  },
): Promise<OrganizationSummary[]> {
  let query = selectSummaries(db)
  if (filter.ids) query = query.where('id', 'in', [...filter.ids, ''])
  if (filter.type) query = query.where('type', '=', filter.type)
  if (filter.status) query = query.where('status', '=', filter.status)
  return query.orderBy('name').orderBy('id').execute()
}

export const findOrganizationSummary = (
  db: Db,
  id: string,
): Promise<OrganizationSummary | undefined> =>
  selectSummaries(db).where('id', '=', id).executeTakeFirst()

/** The first registered active organization of a type (the county's hub), or undefined. */
export const oldestActiveOrganizationOf = (
  db: Db,
  type: OrganizationType,
): Promise<OrganizationSummary | undefined> =>
  selectSummaries(db)
    .where('type', '=', type)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .executeTakeFirst()

/** Names of these organizations, by id; unknown ids are left out. */
export async function organizationNamesOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** Whether the user holds this role in some organization. */
export const holdsRole = async (db: Db, userId: string, role: Role): Promise<boolean> =>
  (await db
    .selectFrom('membership')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst()) !== undefined

export interface RoleHolder {
  id: string
  username: string
  displayName: string
  phone: string | null
  status: 'active' | 'disabled'
  organizationId: string
}

/** Every user holding this role (e.g. the drivers), with the organization they hold it in. */
export async function usersWithRole(db: Db, role: Role): Promise<RoleHolder[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select([
      'app_user.id',
      'app_user.username',
      'app_user.display_name',
      'app_user.phone',
      'app_user.status',
      'membership.organization_id',
    ])
    .where('membership.role', '=', role)
    .orderBy('app_user.display_name')
    .orderBy('app_user.id')
    .execute()
  const seen = new Set<string>()
  return rows
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      phone: r.phone,
      status: r.status,
      organizationId: r.organization_id,
    }))
}

export interface UserContact {
  displayName: string
  phone: string | null
}

/** Display name and phone of these users, by id; unknown ids are left out. */
export async function userContactsOf(
  db: Db,
  userIds: readonly (string | null)[],
): Promise<Map<string, UserContact>> {
  const wanted = [...new Set(userIds.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'phone'])
    .where('id', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.id, { displayName: r.display_name, phone: r.phone }]))
}

/** The display names of the users that exist among `userIds`, by id. */
export async function displayNamesOf(
  db: Db,
  userIds: readonly (string | null)[],
): Promise<Map<string, string>> {
  const contacts = await userContactsOf(db, userIds)
  return new Map([...contacts].map(([id, contact]) => [id, contact.displayName]))
}

export async function recordLogin(db: Db, userId: string, at: string = nowIso()): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: at }).where('id', '=', userId).execute()
}

/**
 * Holds the user's row lock until the transaction ends (a no-op update: PostgreSQL's row lock;
 * SQLite has one writer anyway), so work that must not interleave per user runs one at a time.
 */
export async function lockUserRow(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', userId)
    .execute()
}

export interface NewCustomerUser {
  id: string
  username: string
  displayName: string
  phone: string
  at: string
}

/** A shop customer's account: no membership, and no password ('!' never verifies). */
export async function insertCustomerUser(db: Db, user: NewCustomerUser): Promise<void> {
  await db
    .insertInto('app_user')
    .values({
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      phone: user.phone,
      password_hash: '!',
      status: 'active',
      last_login_at: user.at,
      created_at: user.at,
      updated_at: user.at,
    })
    .execute()
}
