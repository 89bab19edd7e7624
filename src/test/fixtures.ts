import type { Db } from '../db/database.js'
import {
  aCatalog,
  aCounty,
  aNetwork,
  aStockLocation,
  demoAccounts,
  demoOrganizations,
  siteIdOf,
} from './factories.js'
import { buildTestApp, type TestApp } from './test-app.js'

// The modules' test worlds, composed from the factories (issue 13, item 6): what the order,
// promotion, catalog and logistics tests start from instead of the whole demo. They live in the
// harness so a module's tests use another module's world without reaching into its folder.

type AppOptions = Omit<Parameters<typeof buildTestApp>[0] & object, 'demo' | 'accounts'>

export interface Locations {
  warehouseId: string
  storeId: string
  stationId: string
}

/** The demo accounts the order tests sign in as. */
const ORDER_CAST = ['operator', 'bureau', 'merchant', 'merchant2', 'store', 'station', 'hub']

/**
 * What the order tests need and no more of the demo (issue 13, item 6): the demo accounts that
 * sell, hand over and supervise (operator, bureau, merchant, merchant2, store, station, hub), the
 * county warehouse, the store clerk's O2O store and 佛光村's station as pickup points, as
 * `demoLocations` finds them in the demo. `network: true` adds Wutai's logistics network (the hub,
 * every station, the carriers): what orders shipped as parcels need.
 */
export async function orderFixtures(db: Db, { network = false } = {}): Promise<Locations> {
  await demoAccounts(db, ORDER_CAST)
  const organizations = await demoOrganizations(db, ['operator', 'store', 'station-foguang'])
  if (network) await aNetwork(db)
  else await aCounty(db)
  return {
    warehouseId: await aStockLocation(db, {
      kind: 'warehouse',
      name: '五台县电子商务仓储中心',
      organizationId: organizations.get('operator') ?? null,
    }),
    storeId: await aStockLocation(db, {
      kind: 'store',
      name: '五台斋选O2O体验店（台城店）',
      organizationId: organizations.get('store') ?? null,
    }),
    stationId: await aStockLocation(db, {
      kind: 'station',
      name: '佛光村村级服务站',
      divisionCode: '140922103208',
      organizationId: organizations.get('station-foguang') ?? null,
      siteId: network ? await siteIdOf(db, '140922103208') : null,
    }),
  }
}

/** A test app with `orderFixtures` instead of the whole demo. */
export async function ordersApp(
  options: AppOptions & { network?: boolean } = {},
): Promise<TestApp & { places: Locations }> {
  const { network = false, ...appOptions } = options
  const t = await buildTestApp({ ...appOptions, demo: false })
  return { ...t, places: await orderFixtures(t.db, { network }) }
}

/** The demo accounts the catalog tests sign in as. */
const CATALOG_CAST = [
  'operator',
  'bureau',
  'merchant',
  'merchant2',
  'enterprise',
  'store',
  'station',
]

/** An app with the demo's catalog and the catalog cast, instead of the whole demo (issue 13, item 6). */
export async function catalogApp(options: AppOptions = {}): Promise<TestApp> {
  const t = await buildTestApp({ ...options, demo: false, accounts: CATALOG_CAST })
  await aCatalog(t.db)
  return t
}

/** The demo accounts of the logistics tests: the county, the hub and its driver, a carrier, a station. */
const LOGISTICS_CAST = ['admin', 'bureau', 'operator', 'carrier', 'hub', 'driver', 'station']

/**
 * An app with Wutai's network (divisions, hub, every township and village station, the carriers,
 * the hub's fleet) and the logistics cast, instead of the whole demo (issue 13, item 6).
 */
export async function logisticsApp(options: AppOptions = {}): Promise<TestApp> {
  const t = await buildTestApp({ ...options, demo: false, accounts: LOGISTICS_CAST })
  await aNetwork(t.db)
  return t
}
