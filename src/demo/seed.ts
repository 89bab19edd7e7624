import { readFileSync } from 'node:fs'
import type { Db } from '../db/database.js'
import { recordAudit } from '../platform/audit/index.js'
import { hashPassword } from '../platform/accounts/index.js'
import { hasCountySettings, insertCountySettings } from '../platform/county/index.js'
import { type DivisionInput, loadDivisions } from '../platform/geography/index.js'
import { nowIso } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import { WUTAI_COUNTY_SETTINGS } from './county-settings.js'
import { DEMO_ACCOUNTS, DEMO_ORGANIZATIONS, DEMO_PASSWORD } from './demo-accounts.js'
import { seedCatalog } from './seed-catalog.js'
import { seedStock } from './seed-stock.js'
import { seedFleet, seedLogisticsNetwork } from './seed-logistics.js'
import { seedParcelHistory } from './seed-parcel-history.js'
import { seedPromotions } from './seed-promotions.js'

const DIVISIONS_FILE = new URL('./wutai/divisions.json', import.meta.url)

export function readWutaiDivisions(): DivisionInput[] {
  return (JSON.parse(readFileSync(DIVISIONS_FILE, 'utf8')) as { divisions: DivisionInput[] })
    .divisions
}

/** Wutai's county, townships and villages into the division table; returns how many. */
export function seedWutaiDivisions(db: Db): Promise<number> {
  return loadDivisions(db, readWutaiDivisions())
}

/** Wutai's county settings (name, SMS signature, brand, KPI targets), unless a county is set. */
export async function seedWutaiCountySettings(db: Db): Promise<void> {
  if (!(await hasCountySettings(db))) await insertCountySettings(db, WUTAI_COUNTY_SETTINGS)
}

// scrypt is slow on purpose; the demo accounts share one hash, made once per process.
let demoPasswordHashOnce: Promise<string> | undefined
/** A hash of DEMO_PASSWORD, as stored for every demo account. */
export function demoPasswordHash(): Promise<string> {
  demoPasswordHashOnce ??= hashPassword(DEMO_PASSWORD)
  return demoPasswordHashOnce
}

export interface SeedOptions {
  /** Also two weeks of parcels and scans (for `npm start`; tests start from no parcels). */
  parcelHistory?: boolean
  /** Also running promotions and offline events (for `npm start`; tests make their own). */
  promotions?: boolean
}

/** Loads Wutai's divisions, organizations, demo accounts and network, in one transaction, into an empty database. */
export async function seedDemoData(
  db: Db,
  { parcelHistory = false, promotions = false }: SeedOptions = {},
): Promise<{ seeded: boolean }> {
  const anyUser = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst()
  if (anyUser) {
    // A demo database from before county settings existed (issue 15) gets Wutai's.
    const wutai = await db
      .selectFrom('division')
      .select('code')
      .where('code', '=', WUTAI_COUNTY_SETTINGS.code)
      .executeTakeFirst()
    if (wutai) await seedWutaiCountySettings(db)
    return { seeded: false }
  }
  // One hash for every demo account: they share the published demo password anyway.
  const passwordHash = await demoPasswordHash()
  await db.transaction().execute(async (trx) => {
    const divisions = await seedWutaiDivisions(trx)
    await seedWutaiCountySettings(trx)
    const now = nowIso()
    const ids = new Map<string, string>()
    for (const org of DEMO_ORGANIZATIONS) {
      const id = newId()
      ids.set(org.key, id)
      await trx
        .insertInto('organization')
        .values({
          id,
          type: org.type,
          name: org.name,
          code: null,
          division_code: org.divisionCode,
          address: org.address ?? null,
          contact_name: org.contactName ?? null,
          contact_phone: org.contactPhone ?? null,
          status: 'active',
          parent_id: org.parentKey ? (ids.get(org.parentKey) ?? null) : null,
          created_at: now,
          updated_at: now,
        })
        .execute()
    }
    for (const account of DEMO_ACCOUNTS) {
      const userId = newId()
      await trx
        .insertInto('app_user')
        .values({
          id: userId,
          username: account.username,
          display_name: account.displayName,
          phone: null,
          password_hash: passwordHash,
          status: 'active',
          last_login_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute()
      await trx
        .insertInto('membership')
        .values({
          id: newId(),
          user_id: userId,
          organization_id: ids.get(account.organizationKey) ?? '',
          role: account.role,
          created_at: now,
        })
        .execute()
    }
    const sites = await seedLogisticsNetwork(trx)
    const vehicles = await seedFleet(trx)
    const catalog = await seedCatalog(trx, ids)
    const stock = await seedStock(trx, ids)
    const promotionCount = promotions ? await seedPromotions(trx) : 0
    const parcels = parcelHistory ? await seedParcelHistory(trx, new Date()) : 0
    await recordAudit(
      trx,
      {
        principal: null,
        scope: { county: true, organizationIds: new Set() },
        requestId: 'seed',
        ip: '127.0.0.1',
        claimed: { userId: null, name: 'system' },
        auditedEntries: 0,
      },
      {
        action: 'demo.seed',
        entityType: 'database',
        entityId: null,
        organizationId: null,
        after: {
          divisions,
          organizations: DEMO_ORGANIZATIONS.length,
          users: DEMO_ACCOUNTS.length,
          sites,
          vehicles,
          products: catalog.products,
          stockLocations: stock.locations,
          promotions: promotionCount,
          parcels,
        },
      },
    )
  })
  return { seeded: true }
}
