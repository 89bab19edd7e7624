import type { Db } from '../../db/database.js'
import { nowIso } from '../../shared/clock.js'
import { invalidField, notFound } from '../../shared/errors.js'
import { newId, newSecret } from '../../shared/ids.js'
import { isInScope, isRoleAllowedFor, OutOfScopeError, roleDefinition } from '../access/index.js'
import { findOrganizationSummary, organizationNamesOf, userContactsOf } from '../accounts/index.js'
import { recordAudit } from '../audit/index.js'
import { type Actor, type Page, type PageQuery, pageWindow } from '../http/index.js'
import { API_TOKEN_PREFIX, hashToken } from './principals.js'
import type { ApiToken, CreateApiTokenBody, CreatedApiToken } from './schema.js'

const API_TOKEN = { en: 'API token', zh: 'API 令牌' }

const selectTokenRows = (db: Db) =>
  db
    .selectFrom('api_token')
    .select([
      'api_token.id as id',
      'api_token.name as name',
      'api_token.organization_id as organizationId',
      'api_token.role as role',
      'api_token.created_at as createdAt',
      'api_token.created_by as createdBy',
      'api_token.last_used_at as lastUsedAt',
      'api_token.revoked_at as revokedAt',
    ])

type TokenRow = Awaited<ReturnType<ReturnType<typeof selectTokenRows>['executeTakeFirstOrThrow']>>

/** The tokens with their organization's and creator's names (accounts' tables, read through accounts). */
async function withNames(db: Db, rows: readonly TokenRow[]): Promise<ApiToken[]> {
  const organizations = await organizationNamesOf(
    db,
    rows.map((r) => r.organizationId),
  )
  const creators = await userContactsOf(
    db,
    rows.map((r) => r.createdBy),
  )
  return rows.flatMap(({ createdBy, ...row }) => {
    const organizationName = organizations.get(row.organizationId)
    if (organizationName === undefined) return []
    return [
      {
        id: row.id,
        name: row.name,
        organizationId: row.organizationId,
        organizationName,
        role: row.role,
        createdAt: row.createdAt,
        createdByName: createdBy === null ? null : (creators.get(createdBy)?.displayName ?? null),
        lastUsedAt: row.lastUsedAt,
        revokedAt: row.revokedAt,
      },
    ]
  })
}

async function findToken(db: Db, id: string): Promise<ApiToken | undefined> {
  const row = await selectTokenRows(db).where('api_token.id', '=', id).executeTakeFirst()
  return row && (await withNames(db, [row]))[0]
}

export async function listApiTokens(
  db: Db,
  actor: Actor,
  query: PageQuery,
): Promise<Page<ApiToken>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = selectTokenRows(db)
  if (!actor.scope.county)
    base = base.where('api_token.organization_id', 'in', [...actor.scope.organizationIds, ''])
  const items = await withNames(
    db,
    await base.orderBy('api_token.created_at', 'desc').limit(pageSize).offset(offset).execute(),
  )
  let count = db.selectFrom('api_token').select((eb) => eb.fn.countAll<number>().as('total'))
  if (!actor.scope.county)
    count = count.where('organization_id', 'in', [...actor.scope.organizationIds, ''])
  const { total } = await count.executeTakeFirstOrThrow()
  return { items, total, page, pageSize }
}

/** Machine clients act in one organization with an organization-scoped role; the secret is shown once. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  body: CreateApiTokenBody,
): Promise<CreatedApiToken> {
  const organization = await findOrganizationSummary(db, body.organizationId)
  if (!organization || !isInScope(actor.scope, organization.id)) {
    throw invalidField('organizationId', {
      en: 'no such organization in your scope',
      zh: '组织不存在或不在您的管理范围内',
    })
  }
  if (
    !isRoleAllowedFor(body.role, organization.type) ||
    roleDefinition(body.role).scope === 'county'
  ) {
    throw invalidField('role', {
      en: `an API token of a ${organization.type} cannot hold the role ${body.role}`,
      zh: `该组织的 API 令牌不能使用角色 ${roleDefinition(body.role).nameZh}`,
    })
  }
  const id = newId()
  const secret = `${API_TOKEN_PREFIX}${newSecret()}`
  await db
    .insertInto('api_token')
    .values({
      id,
      name: body.name.trim(),
      organization_id: organization.id,
      role: body.role,
      token_hash: hashToken(secret),
      created_by: actor.principal?.userId ?? null,
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute()
  const token = await findToken(db, id)
  if (!token) throw notFound(API_TOKEN, id)
  await recordAudit(db, actor, {
    action: 'api_token.create',
    entityType: 'api_token',
    entityId: id,
    organizationId: organization.id,
    after: token,
  })
  return { ...token, secret }
}

export async function revokeApiToken(db: Db, actor: Actor, id: string): Promise<void> {
  const token = await findToken(db, id)
  if (!token) throw notFound(API_TOKEN, id)
  if (!isInScope(actor.scope, token.organizationId))
    throw new OutOfScopeError(API_TOKEN, 'api_token', id, token.organizationId)
  if (token.revokedAt !== null)
    return recordAudit(db, actor, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      organizationId: token.organizationId,
      before: token,
      after: token,
    })
  const revokedAt = nowIso()
  await db.updateTable('api_token').set({ revoked_at: revokedAt }).where('id', '=', id).execute()
  await recordAudit(db, actor, {
    action: 'api_token.revoke',
    entityType: 'api_token',
    entityId: id,
    organizationId: token.organizationId,
    before: token,
    after: { ...token, revokedAt },
  })
}
