import type { Db } from '../../db/database.js'
import { nowIso } from '../../shared/clock.js'
import { newId } from '../../shared/ids.js'
import { recordAudits } from '../audit/index.js'
import type { Actor } from '../http/index.js'
import type { OrganizationRow, UserRow } from './schema.js'

// A new county's first accounts (issue 15 setup): its bureau, its operating company and the
// first system administrator, written in the caller's transaction and audited.

export interface FirstAccounts {
  countyCode: string
  bureauName: string
  companyName: string
  admin: { username: string; displayName: string; phone: string | null; passwordHash: string }
}

export async function createFirstAccounts(
  db: Db,
  actor: Actor,
  input: FirstAccounts,
): Promise<{ bureauId: string; companyId: string; adminId: string }> {
  const now = nowIso()
  const organization = (type: OrganizationRow['type'], name: string): OrganizationRow => ({
    id: newId(),
    type,
    name: name.trim(),
    code: null,
    division_code: input.countyCode,
    address: null,
    contact_name: null,
    contact_phone: null,
    status: 'active',
    parent_id: null,
    created_at: now,
    updated_at: now,
  })
  const bureau = organization('bureau', input.bureauName)
  const company = organization('operating_company', input.companyName)
  const admin: UserRow = {
    id: newId(),
    username: input.admin.username.toLowerCase(),
    display_name: input.admin.displayName.trim(),
    phone: input.admin.phone,
    password_hash: input.admin.passwordHash,
    status: 'active',
    last_login_at: null,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('organization').values([bureau, company]).execute()
  await db.insertInto('app_user').values(admin).execute()
  await db
    .insertInto('membership')
    .values({
      id: newId(),
      user_id: admin.id,
      organization_id: company.id,
      role: 'system_admin',
      created_at: now,
    })
    .execute()
  await recordAudits(db, actor, [
    ...[bureau, company].map((row) => ({
      action: 'organization.create',
      entityType: 'organization',
      entityId: row.id,
      organizationId: row.id,
      after: row,
    })),
    {
      action: 'user.create',
      entityType: 'user',
      entityId: admin.id,
      organizationId: company.id,
      after: {
        id: admin.id,
        username: admin.username,
        displayName: admin.display_name,
        phone: admin.phone,
        memberships: [{ organizationId: company.id, role: 'system_admin' }],
      },
    },
  ])
  return { bureauId: bureau.id, companyId: company.id, adminId: admin.id }
}
