import type { Database, Db } from '../db/database.js'
import { DEMO_ACCOUNTS, DEMO_ORGANIZATIONS, DEMO_PASSWORD } from '../demo/demo-accounts.js'
import { demoPasswordHash, seedWutaiCountySettings, seedWutaiDivisions } from '../demo/seed.js'
import { seedCatalog } from '../demo/seed-catalog.js'
import { seedFleet, seedLogisticsNetwork } from '../demo/seed-logistics.js'
import { nowIso } from '../shared/clock.js'
import { newId } from '../shared/ids.js'

/*
 * Test data, made to measure (issue 13, item 6): each function creates one thing a test needs, with
 * good defaults, and returns its ids. Use them on an empty database instead of the whole demo:
 *
 *   const t = await buildTestApp({ demo: false, accounts: ['operator', 'merchant'] })
 *   await aCounty(t.db)                        // Wutai's divisions, nothing else
 *   const operator = await t.logIn('operator') // the demo password works
 *
 * - `demoAccounts` (what `accounts` calls) and `demoOrganizations` make demo accounts and
 *   organizations one by one, with the demo's names, roles and places, so `logIn('merchant')`
 *   and names in assertions keep working; `anOrganization` and `aUser` make new ones.
 * - `aCounty` loads the divisions; `aNetwork` the logistics network with carriers and fleet;
 *   `aCatalog` the demo's catalog (shops, brand, licences, products); `aStockLocation` a
 *   warehouse, store or station; `sellOutStock` empties a SKU's stock.
 * - `fixtures.ts` composes them into the modules' test worlds: `ordersApp`/`orderFixtures`
 *   (orders and promotions), `catalogApp`, `logisticsApp`. Catalog and orders a test makes of
 *   its own go through the API (the modules' test-support.ts).
 * - To look at other modules' rows afterwards, use `inspect.ts`.
 *
 * Fixtures are inserted directly or with the demo's own seed functions; `src/test/` is the harness
 * and may write any table.
 */

/** Every factory-made user's password, the demo's, so `logIn(username)` needs no second argument. */
export const TEST_PASSWORD = DEMO_PASSWORD

type OrganizationType = Database['organization']['type']
type Role = Database['membership']['role']

/** Wutai's county, townships and villages (the real division codes; a few milliseconds) and its settings. Once. */
export async function aCounty(db: Db): Promise<{ countyCode: string }> {
  const loaded = await db.selectFrom('division').select('code').limit(1).executeTakeFirst()
  if (!loaded) await seedWutaiDivisions(db)
  await seedWutaiCountySettings(db)
  return { countyCode: '140922' }
}

/** An active organization; by default a merchant in 台城镇 (140922100). Returns its id. */
export async function anOrganization(
  db: Db,
  {
    id = newId(),
    type = 'merchant',
    name = `${type}-${id.slice(-6)}`,
    divisionCode = '140922100',
    parentId = null,
  }: {
    id?: string
    type?: OrganizationType
    name?: string
    divisionCode?: string | null
    parentId?: string | null
  } = {},
): Promise<string> {
  const now = nowIso()
  await db
    .insertInto('organization')
    .values({
      id,
      type,
      name,
      code: null,
      division_code: divisionCode,
      address: null,
      contact_name: null,
      contact_phone: null,
      status: 'active',
      parent_id: parentId,
      created_at: now,
      updated_at: now,
    })
    .execute()
  return id
}

/** An active user with one membership; `logIn(username)` signs in with the default password. */
export async function aUser(
  db: Db,
  {
    username,
    role,
    organizationId,
    displayName = username,
  }: { username: string; role: Role; organizationId: string; displayName?: string },
): Promise<{ userId: string; username: string }> {
  const now = nowIso()
  const userId = newId()
  await db
    .insertInto('app_user')
    .values({
      id: userId,
      username,
      display_name: displayName,
      phone: null,
      password_hash: await demoPasswordHash(),
      status: 'active',
      last_login_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await db
    .insertInto('membership')
    .values({
      id: newId(),
      user_id: userId,
      organization_id: organizationId,
      role,
      created_at: now,
    })
    .execute()
  return { userId, username }
}

/** A place goods are kept or picked up: the county warehouse, a store or a village station. */
export async function aStockLocation(
  db: Db,
  {
    kind,
    organizationId = null,
    siteId = null,
    divisionCode = '140922100',
    name = `${kind}-${newId().slice(-6)}`,
  }: {
    kind: 'warehouse' | 'store' | 'station'
    organizationId?: string | null
    siteId?: string | null
    divisionCode?: string
    name?: string
  },
): Promise<string> {
  const id = newId()
  await db
    .insertInto('stock_location')
    .values({
      id,
      kind,
      name,
      organization_id: organizationId,
      site_id: siteId,
      division_code: divisionCode,
      address: name,
      opening_hours: kind === 'station' ? '08:00-19:00' : '09:00-21:00',
      active: 1,
      created_at: nowIso(),
    })
    .execute()
  return id
}

/** The shop sold every unit it had of a SKU, everywhere (as a stocktake would find). */
export async function sellOutStock(db: Db, skuId: string): Promise<void> {
  await db
    .updateTable('stock_level')
    .set((eb) => ({ sold: eb('sold', '+', eb.ref('available')), available: 0 }))
    .where('sku_id', '=', skuId)
    .execute()
}

// The demo's cast, one by one: a test that signs in as 'operator' or 'merchant' creates just
// those accounts and their organizations (with the demo's names, types and places), not the
// whole demo. Organizations are made once per database and shared by the accounts that need them.
const demoOrganizationIds = new WeakMap<Db, Map<string, string>>()

/** The demo organizations with these keys (see demo-accounts.ts), and their parents; key → id. */
export async function demoOrganizations(
  db: Db,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const made = demoOrganizationIds.get(db) ?? new Map<string, string>()
  demoOrganizationIds.set(db, made)
  const make = async (key: string): Promise<string> => {
    const existing = made.get(key)
    if (existing) return existing
    const organization = DEMO_ORGANIZATIONS.find((o) => o.key === key)
    if (!organization) throw new Error(`no demo organization ${key}`)
    const parentId = organization.parentKey ? await make(organization.parentKey) : null
    const id = await anOrganization(db, {
      type: organization.type,
      name: organization.name,
      divisionCode: organization.divisionCode,
      parentId,
    })
    made.set(key, id)
    return id
  }
  for (const key of keys) await make(key)
  return made
}

/** The demo accounts with these usernames, in their demo organizations; username → ids. */
export async function demoAccounts(
  db: Db,
  usernames: readonly string[],
): Promise<Map<string, { userId: string; organizationId: string }>> {
  const accounts = new Map<string, { userId: string; organizationId: string }>()
  for (const username of usernames) {
    const account = DEMO_ACCOUNTS.find((a) => a.username === username)
    if (!account) throw new Error(`no demo account ${username}`)
    const organizationId = (await demoOrganizations(db, [account.organizationKey])).get(
      account.organizationKey,
    )
    if (!organizationId) throw new Error(`no organization for ${username}`)
    const { userId } = await aUser(db, {
      username,
      role: account.role,
      organizationId,
      displayName: account.displayName,
    })
    accounts.set(username, { userId, organizationId })
  }
  return accounts
}

/**
 * Wutai's logistics network as the demo has it: the divisions, the two demo village-station
 * organizations, the hub, a station in every township and village, the seven carriers and the
 * hub's fleet. Create the accounts first (`buildTestApp({ accounts })`) so the driver gets the van.
 */
export async function aNetwork(db: Db): Promise<void> {
  await aCounty(db)
  await demoOrganizations(db, [
    'station-taicheng',
    'station-foguang',
    ...DEMO_ORGANIZATIONS.filter((o) => o.type === 'carrier').map((o) => o.key),
  ])
  await seedLogisticsNetwork(db)
  await seedFleet(db)
}

/** The id of the network's site in a division (after `aNetwork`). */
export async function siteIdOf(db: Db, divisionCode: string): Promise<string> {
  const site = await db
    .selectFrom('logistics_site')
    .select('id')
    .where('division_code', '=', divisionCode)
    .executeTakeFirstOrThrow()
  return site.id
}

/**
 * The demo's catalog: its categories, the county brand and its series with the licences, and the
 * shops of the demo merchants (taimo, millet, enterprise) with their products. No stock.
 */
export async function aCatalog(db: Db): Promise<void> {
  await aCounty(db)
  await seedCatalog(db, await demoOrganizations(db, ['taimo', 'millet', 'enterprise']))
}
