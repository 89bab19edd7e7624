import type { Db } from '../db/database.js'
import { receiveStock } from '../modules/commerce/index.js'
import { nowIso } from '../shared/clock.js'
import { newId } from '../shared/ids.js'

// Where the demo shop's goods are (issue 4): the county e-commerce warehouse, the five O2O
// stores (SVC-1) and the village stations that act as pickup points (SVC-5), with stock of every
// on-sale SKU at the warehouse and the stores.

const WAREHOUSE_STOCK = 200
const STORE_STOCK = 30

export async function seedStock(
  db: Db,
  organizationIds: ReadonlyMap<string, string>,
): Promise<{ locations: number }> {
  const now = nowIso()
  const location = async (
    kind: 'warehouse' | 'store' | 'station',
    name: string,
    divisionCode: string,
    organizationId: string | null,
    siteId: string | null,
    address: string,
  ) => {
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
        address,
        opening_hours: kind === 'station' ? '08:00-19:00' : '09:00-21:00',
        active: 1,
        created_at: now,
      })
      .execute()
    return id
  }

  const warehouse = await location(
    'warehouse',
    '五台县电子商务仓储中心',
    '140922100',
    organizationIds.get('operator') ?? null,
    null,
    '五台县台城镇物流园区',
  )
  const stores = await db
    .selectFrom('organization')
    .select(['id', 'name', 'division_code'])
    .where('type', '=', 'store')
    .orderBy('name')
    .execute()
  const storeIds: string[] = []
  for (const store of stores) {
    storeIds.push(
      await location(
        'store',
        store.name,
        store.division_code ?? '140922100',
        store.id,
        null,
        store.name,
      ),
    )
  }
  const stations = await db
    .selectFrom('organization')
    .innerJoin('logistics_site', 'logistics_site.division_code', 'organization.division_code')
    .select([
      'organization.id',
      'organization.name',
      'organization.division_code',
      'logistics_site.id as site_id',
    ])
    .where('organization.type', '=', 'village_station')
    .where('logistics_site.kind', '=', 'village')
    .orderBy('organization.name')
    .execute()
  for (const station of stations) {
    await location(
      'station',
      station.name,
      station.division_code ?? '140922100',
      station.id,
      station.site_id,
      station.name,
    )
  }

  const skus = await db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .select('sku.id')
    .where('product.status', '=', 'on_sale')
    .where('sku.active', '=', 1)
    .execute()
  for (const { id } of skus) {
    await receiveStock(db, {
      skuId: id,
      locationId: warehouse,
      quantity: WAREHOUSE_STOCK,
      note: '演示数据',
    })
    for (const storeId of storeIds) {
      await receiveStock(db, {
        skuId: id,
        locationId: storeId,
        quantity: STORE_STOCK,
        note: '演示数据',
      })
    }
  }
  return { locations: 1 + storeIds.length + stations.length }
}
