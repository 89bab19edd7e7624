import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import type {
  Brand,
  BrandBody,
  BrandSeries,
  BrandSeriesTable,
  SeriesBody,
  UpdateBrandBody,
  UpdateSeriesBody,
} from './brand-schema.js'
import { refreshSearchText } from '../search/index.js'

// BR-1: the county brand (its name is data) and its product series.

const BRAND = { en: 'brand', zh: '品牌' }
export const SERIES = { en: 'brand series', zh: '品牌系列' }

const toSeries = (row: BrandSeriesTable): BrandSeries => ({
  id: row.id,
  brandId: row.brand_id,
  name: row.name,
  description: row.description,
})

export async function listBrands(db: Db): Promise<Brand[]> {
  const [brands, series] = await Promise.all([
    db.selectFrom('brand').selectAll().orderBy('name').execute(),
    db.selectFrom('brand_series').selectAll().orderBy('created_at').orderBy('id').execute(),
  ])
  return brands.map((b) => ({
    id: b.id,
    name: b.name,
    story: b.story,
    series: series.filter((s) => s.brand_id === b.id).map(toSeries),
  }))
}

export async function getBrand(db: Db, id: string): Promise<Brand> {
  const brand = (await listBrands(db)).find((b) => b.id === id)
  if (!brand) throw notFound(BRAND, id)
  return brand
}

export async function findSeries(db: Db, id: string): Promise<BrandSeriesTable> {
  const row = await db
    .selectFrom('brand_series')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound(SERIES, id)
  return row
}

export async function createBrand(db: Db, actor: Actor, body: BrandBody): Promise<Brand> {
  const now = nowIso()
  const id = newId()
  await db
    .insertInto('brand')
    .values({ id, name: body.name, story: body.story ?? '', created_at: now, updated_at: now })
    .execute()
  const after = await getBrand(db, id)
  await recordAudit(db, actor, {
    action: 'brand.create',
    entityType: 'brand',
    entityId: id,
    organizationId: null,
    after,
  })
  return after
}

export async function updateBrand(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateBrandBody,
): Promise<Brand> {
  const before = await getBrand(db, id)
  await db
    .updateTable('brand')
    .set({ ...body, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  if (body.name !== undefined)
    for (const series of before.series) await refreshSearchText(db, { seriesId: series.id })
  const after = await getBrand(db, id)
  await recordAudit(db, actor, {
    action: 'brand.update',
    entityType: 'brand',
    entityId: id,
    organizationId: null,
    before,
    after,
  })
  return after
}

export async function createSeries(
  db: Db,
  actor: Actor,
  brandId: string,
  body: SeriesBody,
): Promise<BrandSeries> {
  await getBrand(db, brandId)
  const now = nowIso()
  const row = {
    id: newId(),
    brand_id: brandId,
    name: body.name,
    description: body.description ?? '',
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('brand_series').values(row).execute()
  const after = toSeries(row)
  await recordAudit(db, actor, {
    action: 'brand_series.create',
    entityType: 'brand_series',
    entityId: row.id,
    organizationId: null,
    after,
  })
  return after
}

export async function updateSeries(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateSeriesBody,
): Promise<BrandSeries> {
  const before = toSeries(await findSeries(db, id))
  await db
    .updateTable('brand_series')
    .set({ ...body, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  if (body.name !== undefined) await refreshSearchText(db, { seriesId: id })
  const after = toSeries(await findSeries(db, id))
  await recordAudit(db, actor, {
    action: 'brand_series.update',
    entityType: 'brand_series',
    entityId: id,
    organizationId: null,
    before,
    after,
  })
  return after
}

/** A series goes only while no product and no licence names it. */
export async function deleteSeries(db: Db, actor: Actor, id: string): Promise<void> {
  const before = toSeries(await findSeries(db, id))
  const [product, license] = await Promise.all([
    db.selectFrom('product').select('id').where('brand_series_id', '=', id).executeTakeFirst(),
    db.selectFrom('brand_license').select('id').where('series_id', '=', id).executeTakeFirst(),
  ])
  if (product || license)
    throw conflict({
      en: 'products or licences still name this series',
      zh: '仍有商品或授权使用该系列，不能删除',
    })
  await db.deleteFrom('brand_series').where('id', '=', id).execute()
  await recordAudit(db, actor, {
    action: 'brand_series.delete',
    entityType: 'brand_series',
    entityId: id,
    organizationId: null,
    before,
  })
}
