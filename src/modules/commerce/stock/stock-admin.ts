import type { Db } from '../../../db/database.js'
import { isInScope, OutOfScopeError } from '../../../platform/access/index.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { invalidField } from '../../../shared/errors.js'
import { receiveStock } from './stock.js'

// Goods arriving at the warehouse, a store or a station: a merchant books in its own SKUs,
// operators anyone's.

export async function bookInStock(
  db: Db,
  actor: Actor,
  body: { skuId: string; locationId: string; quantity: number; note?: string },
): Promise<void> {
  const sku = await db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .innerJoin('shop', 'shop.id', 'product.shop_id')
    .select(['sku.id', 'shop.organization_id'])
    .where('sku.id', '=', body.skuId)
    .executeTakeFirst()
  if (!sku || !isInScope(actor.scope, sku.organization_id))
    throw new OutOfScopeError(
      { en: 'SKU', zh: '商品规格' },
      'sku',
      body.skuId,
      sku?.organization_id ?? null,
    )
  const location = await db
    .selectFrom('stock_location')
    .select('id')
    .where('id', '=', body.locationId)
    .where('active', '=', 1)
    .executeTakeFirst()
  if (!location) throw invalidField('locationId', { en: 'no such location', zh: '库存地点不存在' })
  await receiveStock(db, {
    skuId: body.skuId,
    locationId: body.locationId,
    quantity: body.quantity,
    actorUserId: actor.principal?.userId ?? null,
    note: body.note ?? null,
  })
  await recordAudit(db, actor, {
    action: 'stock.receive',
    entityType: 'sku',
    entityId: body.skuId,
    organizationId: sku.organization_id,
    after: { locationId: body.locationId, quantity: body.quantity },
  })
}

export async function listStock(
  db: Db,
  actor: Actor,
  filter: { skuId?: string; locationId?: string },
) {
  let query = db
    .selectFrom('stock_level')
    .innerJoin('sku', 'sku.id', 'stock_level.sku_id')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .innerJoin('shop', 'shop.id', 'product.shop_id')
    .innerJoin('stock_location as location', 'location.id', 'stock_level.location_id')
    .select([
      'stock_level.sku_id as skuId',
      'stock_level.location_id as locationId',
      'location.name as locationName',
      'product.title',
      'sku.spec',
      'stock_level.available',
      'stock_level.reserved',
      'stock_level.sold',
      'stock_level.received',
    ])
  // A merchant sees its own goods wherever they are; a store or station its own shelf.
  if (!actor.scope.county) {
    const reach = [...actor.scope.organizationIds, '']
    query = query.where((eb) =>
      eb.or([eb('shop.organization_id', 'in', reach), eb('location.organization_id', 'in', reach)]),
    )
  }
  if (filter.skuId) query = query.where('stock_level.sku_id', '=', filter.skuId)
  if (filter.locationId) query = query.where('stock_level.location_id', '=', filter.locationId)
  return query
    .orderBy('product.title')
    .orderBy('sku.spec')
    .orderBy('location.name')
    .limit(500)
    .execute()
}
