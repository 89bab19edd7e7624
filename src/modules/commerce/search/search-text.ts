import type { Db } from '../../../db/database.js'
import { dialectOf } from '../../../db/dialect.js'
import { findDivisionPaths } from '../../../platform/geography/index.js'
import { plainTextOf } from './rich-text.js'

// Each product keeps one lower-cased search text: its title and subtitle, producer, shop,
// category, brand series and place of origin, then the description's words. Search matches
// against it (search.ts). SQLite's FTS5 table is rewritten here, in the caller's transaction.

type Which = { productIds: readonly string[] } | { shopId: string } | { seriesId: string }

export async function refreshSearchText(db: Db, which: Which): Promise<void> {
  let query = db
    .selectFrom('product')
    .innerJoin('shop', 'shop.id', 'product.shop_id')
    .innerJoin('product_category as category', 'category.id', 'product.category_id')
    .leftJoin('product_category as parent', 'parent.id', 'category.parent_id')
    .leftJoin('brand_series', 'brand_series.id', 'product.brand_series_id')
    .leftJoin('brand', 'brand.id', 'brand_series.brand_id')
    .select([
      'product.id',
      'product.title',
      'product.subtitle',
      'product.producer',
      'product.description_html',
      'product.origin_division_code',
      'shop.name as shop_name',
      'category.name as category_name',
      'parent.name as parent_category_name',
      'brand_series.name as series_name',
      'brand.name as brand_name',
    ])
  if ('productIds' in which) {
    if (which.productIds.length === 0) return
    query = query.where('product.id', 'in', which.productIds)
  } else if ('shopId' in which) query = query.where('product.shop_id', '=', which.shopId)
  else query = query.where('product.brand_series_id', '=', which.seriesId)
  const rows = await query.execute()
  const origins = await findDivisionPaths(
    db,
    rows.map((r) => r.origin_division_code),
  )
  const sqlite = dialectOf(db) === 'sqlite'
  for (const row of rows) {
    const text = [
      row.title,
      row.subtitle,
      row.producer,
      row.shop_name,
      row.parent_category_name,
      row.category_name,
      row.brand_name,
      row.series_name,
      // Village and township, not the county: every product would match the county's name.
      ...(origins.get(row.origin_division_code ?? '') ?? []).slice(1),
      plainTextOf(row.description_html),
    ]
      .filter(Boolean)
      .join(' ')
      .toLowerCase()
    await db.updateTable('product').set({ search_text: text }).where('id', '=', row.id).execute()
    if (sqlite) {
      await db.deleteFrom('product_fts').where('product_id', '=', row.id).execute()
      await db.insertInto('product_fts').values({ product_id: row.id, search_text: text }).execute()
    }
  }
}

/** Forgets a deleted product in SQLite's FTS5 table (PostgreSQL's index follows the row). */
export async function forgetSearchText(db: Db, productId: string): Promise<void> {
  if (dialectOf(db) === 'sqlite')
    await db.deleteFrom('product_fts').where('product_id', '=', productId).execute()
}

/** Whether a search term is long enough for the trigram index (three characters, not bytes). */
export const isTrigramTerm = (term: string): boolean => Array.from(term).length >= 3

/** An FTS5 MATCH argument for one term: a quoted phrase, so no character is an operator. */
export const ftsPhrase = (term: string): string => `"${term.replace(/"/g, '""')}"`
