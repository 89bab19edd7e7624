import type { Db } from '../../db/database.js'
import { nowIso } from '../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import {
  DeniedActionError,
  isInScope,
  isRoleAllowedFor,
  OutOfScopeError,
  roleDefinition,
} from '../access/index.js'
import { recordAudit } from '../audit/index.js'
import { type Actor, type Page, pageWindow } from '../http/index.js'
import { toMembership, toUser, userSnapshot } from './mappers.js'
import { hashPassword } from './passwords.js'
import * as accountRepository from './repository.js'
import type {
  CreateUserBody,
  Membership,
  MembershipInput,
  UpdateUserBody,
  User,
  UserListQuery,
  UserRow,
} from './schema.js'

const USER = { en: 'user', zh: '用户' }

/**
 * Consumers of the H5 shop sign in with a phone code and get an account named `customer:<phone>`
 * with no membership: they are the shop's customers, not staff, and the console's user list
 * leaves them out.
 */
export const CUSTOMER_USERNAME_PREFIX = 'customer:'

/**
 * Ends a user's sessions, but the one named. Sessions are auth's table, and auth depends on
 * accounts (never the reverse), so accounts asks through this function, which
 * server/build-app.ts wires to auth's revokeSessionsOf.
 */
export type RevokeSessions = (db: Db, userId: string, exceptSessionId?: string) => Promise<void>

/** Staff users with at least one membership in the caller's scope (all staff for county roles). */
export async function listUsers(db: Db, actor: Actor, query: UserListQuery): Promise<Page<User>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = db.selectFrom('app_user').where('username', 'not like', `${CUSTOMER_USERNAME_PREFIX}%`)
  const organizationIds =
    query.organizationId !== undefined
      ? [query.organizationId]
      : actor.scope.county
        ? null
        : [...actor.scope.organizationIds]
  if (organizationIds !== null) {
    const visible = organizationIds.filter((id) => isInScope(actor.scope, id))
    base = base.where('id', 'in', (eb) =>
      eb
        .selectFrom('membership')
        .select('user_id')
        .where('organization_id', 'in', [...visible, '']),
    )
  }
  if (query.q) {
    const pattern = `%${query.q.toLowerCase()}%`
    base = base.where((eb) =>
      eb.or([
        eb('username', 'like', pattern),
        eb(eb.fn('lower', ['display_name']), 'like', pattern),
        eb('phone', 'like', pattern),
      ]),
    )
  }
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base.selectAll().orderBy('username').limit(pageSize).offset(offset).execute(),
  ])
  const memberships = await accountRepository.findMembershipsOfUsers(
    db,
    rows.map((r) => r.id),
  )
  return {
    items: rows.map((row) =>
      toUser(
        row,
        memberships.filter((m) => m.userId === row.id),
      ),
    ),
    total,
    page,
    pageSize,
  }
}

export async function getUser(db: Db, actor: Actor, id: string): Promise<User> {
  const { row, memberships } = await findUserInScope(db, actor, id)
  return toUser(row, memberships)
}

export async function createUser(db: Db, actor: Actor, body: CreateUserBody): Promise<User> {
  for (const [index, membership] of body.memberships.entries())
    await assertGrantable(db, actor, membership, `memberships/${index}`)
  if (await accountRepository.findUserByUsername(db, body.username)) {
    throw conflict(
      { en: `the username ${body.username} is taken`, zh: `用户名 ${body.username} 已被使用` },
      'username',
    )
  }
  const now = nowIso()
  const row: UserRow = {
    id: newId(),
    username: body.username.toLowerCase(),
    display_name: body.displayName.trim(),
    phone: body.phone ?? null,
    password_hash: await hashPassword(body.password),
    status: 'active',
    last_login_at: null,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('app_user').values(row).execute()
  const unique = new Map(body.memberships.map((m) => [`${m.organizationId}/${m.role}`, m]))
  for (const membership of unique.values()) {
    await db
      .insertInto('membership')
      .values({
        id: newId(),
        user_id: row.id,
        organization_id: membership.organizationId,
        role: membership.role,
        created_at: now,
      })
      .execute()
  }
  const user = await getUser(db, actor, row.id)
  await recordAudit(db, actor, {
    action: 'user.create',
    entityType: 'user',
    entityId: row.id,
    organizationId: body.memberships[0]?.organizationId ?? null,
    after: { ...userSnapshot(row), memberships: user.memberships },
  })
  return user
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateUserBody,
  revokeSessions: RevokeSessions,
): Promise<User> {
  const { row: before, memberships } = await findUserManaged(db, actor, id)
  if (body.status === 'disabled' && id === actor.principal?.userId) {
    throw invalidField('status', {
      en: 'you cannot disable your own account',
      zh: '不能停用自己的账号',
    })
  }
  const changes = {
    ...(body.displayName !== undefined ? { display_name: body.displayName.trim() } : {}),
    ...(body.phone !== undefined ? { phone: body.phone } : {}),
    ...(body.status !== undefined ? { status: body.status } : {}),
    updated_at: nowIso(),
  }
  await db.updateTable('app_user').set(changes).where('id', '=', id).execute()
  if (body.status === 'disabled') await revokeSessions(db, id)
  const after = await getUser(db, actor, id)
  await recordAudit(db, actor, {
    action: 'user.update',
    entityType: 'user',
    entityId: id,
    organizationId: memberships[0]?.organizationId ?? null,
    before: userSnapshot(before),
    after: {
      username: after.username,
      displayName: after.displayName,
      phone: after.phone,
      status: after.status,
    },
  })
  return after
}

export async function setPassword(
  db: Db,
  actor: Actor,
  id: string,
  password: string,
  revokeSessions: RevokeSessions,
): Promise<void> {
  const { memberships } = await findUserManaged(db, actor, id)
  await db
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(password), updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  // A new password ends every other session of that user.
  await revokeSessions(db, id, actor.principal?.sessionId ?? '')
  await recordAudit(db, actor, {
    action: 'user.set_password',
    entityType: 'user',
    entityId: id,
    organizationId: memberships[0]?.organizationId ?? null,
  })
}

export async function addMembership(
  db: Db,
  actor: Actor,
  userId: string,
  input: MembershipInput,
): Promise<Membership> {
  await findUserInScope(db, actor, userId)
  await assertGrantable(db, actor, input, '')
  const existing = await db
    .selectFrom('membership')
    .select('id')
    .where('user_id', '=', userId)
    .where('organization_id', '=', input.organizationId)
    .where('role', '=', input.role)
    .executeTakeFirst()
  if (existing)
    throw conflict(
      { en: 'the user already has this role there', zh: '该用户在此组织已有该角色' },
      'role',
    )
  const id = newId()
  await db
    .insertInto('membership')
    .values({
      id,
      user_id: userId,
      organization_id: input.organizationId,
      role: input.role,
      created_at: nowIso(),
    })
    .execute()
  const membership = (await accountRepository.findMembershipsOfUsers(db, [userId])).find(
    (m) => m.id === id,
  )
  if (!membership) throw notFound({ en: 'membership', zh: '成员身份' }, id)
  await recordAudit(db, actor, {
    action: 'membership.create',
    entityType: 'user',
    entityId: userId,
    organizationId: input.organizationId,
    after: toMembership(membership),
  })
  return toMembership(membership)
}

export async function removeMembership(
  db: Db,
  actor: Actor,
  userId: string,
  membershipId: string,
): Promise<void> {
  const { memberships } = await findUserInScope(db, actor, userId)
  const membership = memberships.find((m) => m.id === membershipId)
  if (!membership || !isInScope(actor.scope, membership.organizationId))
    throw notFound({ en: 'membership', zh: '成员身份' }, membershipId)
  if (
    userId === actor.principal?.userId &&
    roleDefinition(membership.role).permissions.some((p) => p === 'users:write')
  ) {
    throw invalidField('membershipId', {
      en: 'you cannot remove your own administrator role',
      zh: '不能移除自己的管理员角色',
    })
  }
  await db.deleteFrom('membership').where('id', '=', membershipId).execute()
  await recordAudit(db, actor, {
    action: 'membership.delete',
    entityType: 'user',
    entityId: userId,
    organizationId: membership.organizationId,
    before: toMembership(membership),
  })
}

/** A user the caller can see: one membership in scope is enough. */
async function findUserInScope(db: Db, actor: Actor, id: string) {
  const row = await accountRepository.findUserById(db, id)
  if (!row) throw notFound(USER, id)
  const memberships = await accountRepository.findMembershipsOfUsers(db, [id])
  if (!actor.scope.county && !memberships.some((m) => isInScope(actor.scope, m.organizationId))) {
    throw new OutOfScopeError(USER, 'user', id, memberships[0]?.organizationId ?? null)
  }
  return { row, memberships }
}

/**
 * A user the caller may change: every membership must be in scope, so a merchant cannot lock
 * out an operator who also belongs to the merchant's organization.
 */
async function findUserManaged(db: Db, actor: Actor, id: string) {
  const found = await findUserInScope(db, actor, id)
  const outside = found.memberships.find((m) => !isInScope(actor.scope, m.organizationId))
  if (outside) {
    throw new DeniedActionError(
      {
        en: 'This user also belongs to an organization outside your scope',
        zh: '该用户还属于您无权管理的组织',
      },
      'user',
      id,
      outside.organizationId,
    )
  }
  return found
}

async function assertGrantable(
  db: Db,
  actor: Actor,
  input: MembershipInput,
  path: string,
): Promise<void> {
  const field = (name: string) => (path ? `${path}/${name}` : name)
  const organization = await accountRepository.findOrganizationById(db, input.organizationId)
  if (!organization || !isInScope(actor.scope, organization.id)) {
    throw invalidField(field('organizationId'), {
      en: 'no such organization in your scope',
      zh: '组织不存在或不在您的管理范围内',
    })
  }
  if (!isRoleAllowedFor(input.role, organization.type)) {
    throw invalidField(field('role'), {
      en: `the role ${input.role} cannot be held in a ${organization.type}`,
      zh: `${organization.name}（${organization.type}）不能设置角色 ${roleDefinition(input.role).nameZh}`,
    })
  }
  if (roleDefinition(input.role).scope === 'county' && !actor.scope.county) {
    throw invalidField(field('role'), {
      en: 'only county administrators grant county-wide roles',
      zh: '只有县级管理员可以授予全县范围的角色',
    })
  }
}
