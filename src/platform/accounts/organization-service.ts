import type { Db } from '../../db/database.js'
import { nowIso } from '../../shared/clock.js'
import { invalidField, notFound } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { DeniedActionError, isInScope, OutOfScopeError } from '../access/index.js'
import { recordAudit } from '../audit/index.js'
import { divisionExists, findDivisionNames } from '../geography/index.js'
import { type Actor, type Page, pageWindow } from '../http/index.js'
import { toOrganization } from './mappers.js'
import * as accountRepository from './repository.js'
import type {
  CreateOrganizationBody,
  Organization,
  OrganizationListQuery,
  OrganizationRow,
  UpdateOrganizationBody,
} from './schema.js'

const ORGANIZATION = { en: 'organization', zh: '组织' }

export async function listOrganizations(
  db: Db,
  actor: Actor,
  query: OrganizationListQuery,
): Promise<Page<Organization>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = db.selectFrom('organization')
  if (!actor.scope.county) base = base.where('id', 'in', [...actor.scope.organizationIds, ''])
  if (query.type) base = base.where('type', '=', query.type)
  if (query.q) {
    const pattern = `%${query.q.toLowerCase()}%`
    base = base.where((eb) =>
      eb.or([eb(eb.fn('lower', ['name']), 'like', pattern), eb('code', '=', query.q ?? '')]),
    )
  }
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('type')
      .orderBy('name')
      .orderBy('id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return { items: await withDivisionNames(db, rows), total, page, pageSize }
}

export async function getOrganization(db: Db, actor: Actor, id: string): Promise<Organization> {
  const row = await findOrganizationInScope(db, actor, id)
  const [organization] = await withDivisionNames(db, [row])
  return organization as Organization
}

export async function createOrganization(
  db: Db,
  actor: Actor,
  body: CreateOrganizationBody,
): Promise<Organization> {
  if (!actor.scope.county) {
    throw new DeniedActionError(
      { en: 'Only the operating company registers organizations', zh: '只有运营中心可以登记组织' },
      'organization',
      null,
      null,
    )
  }
  if (
    body.parentId !== undefined &&
    !(await accountRepository.findOrganizationById(db, body.parentId))
  ) {
    throw invalidField('parentId', { en: 'no such organization', zh: '上级组织不存在' })
  }
  await assertDivision(db, body.divisionCode)
  const now = nowIso()
  const row: OrganizationRow = {
    id: newId(),
    type: body.type,
    name: body.name.trim(),
    code: body.code ?? null,
    division_code: body.divisionCode ?? null,
    address: body.address ?? null,
    contact_name: body.contactName ?? null,
    contact_phone: body.contactPhone ?? null,
    status: 'active',
    parent_id: body.parentId ?? null,
    created_at: now,
    updated_at: now,
  }
  await accountRepository.insertOrganization(db, row)
  await recordAudit(db, actor, {
    action: 'organization.create',
    entityType: 'organization',
    entityId: row.id,
    organizationId: row.id,
    after: toOrganization(row, null),
  })
  return getOrganization(db, actor, row.id)
}

export async function updateOrganization(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateOrganizationBody,
): Promise<Organization> {
  const before = await findOrganizationInScope(db, actor, id)
  if (body.status !== undefined && body.status !== before.status && !actor.scope.county) {
    throw new DeniedActionError(
      {
        en: 'Only the operating company suspends or reactivates organizations',
        zh: '只有运营中心可以停用或启用组织',
      },
      'organization',
      id,
      id,
    )
  }
  if (body.divisionCode !== undefined) await assertDivision(db, body.divisionCode)
  const changes = {
    ...(body.name !== undefined ? { name: body.name.trim() } : {}),
    ...(body.code !== undefined ? { code: body.code } : {}),
    ...(body.divisionCode !== undefined ? { division_code: body.divisionCode } : {}),
    ...(body.address !== undefined ? { address: body.address } : {}),
    ...(body.contactName !== undefined ? { contact_name: body.contactName } : {}),
    ...(body.contactPhone !== undefined ? { contact_phone: body.contactPhone } : {}),
    ...(body.status !== undefined ? { status: body.status } : {}),
    updated_at: nowIso(),
  }
  await accountRepository.updateOrganization(db, id, changes)
  const after = await getOrganization(db, actor, id)
  await recordAudit(db, actor, {
    action: 'organization.update',
    entityType: 'organization',
    entityId: id,
    organizationId: id,
    before: toOrganization(before, null),
    after,
  })
  return after
}

/** The organization, or a 404 that is audited when it exists but lies outside the caller's scope. */
export async function findOrganizationInScope(
  db: Db,
  actor: Actor,
  id: string,
): Promise<OrganizationRow> {
  const row = await accountRepository.findOrganizationById(db, id)
  if (!row) throw notFound(ORGANIZATION, id)
  if (!isInScope(actor.scope, id)) throw new OutOfScopeError(ORGANIZATION, 'organization', id, id)
  return row
}

async function assertDivision(db: Db, code: string | null | undefined): Promise<void> {
  if (code && !(await divisionExists(db, code))) {
    throw invalidField('divisionCode', {
      en: `no division has the code ${code}`,
      zh: `行政区划代码 ${code} 不存在`,
    })
  }
}

async function withDivisionNames(db: Db, rows: OrganizationRow[]): Promise<Organization[]> {
  const names = await findDivisionNames(
    db,
    rows.map((r) => r.division_code),
  )
  return rows.map((row) =>
    toOrganization(row, row.division_code ? (names.get(row.division_code) ?? null) : null),
  )
}
