import { sql, type ExpressionBuilder } from 'kysely'
import type { Database, Db } from '../../../db/database.js'
import { dialectOf } from '../../../db/dialect.js'
import { type Page, pageWindow } from '../../../platform/http/index.js'
import { notFound } from '../../../shared/errors.js'
import { categoryIdsUnder } from './categories.js'
import type { ProductCard, ProductDetail, ProductSearchQuery } from './product-schema.js'
import { loadProductDetail, selectProductCards, toProductCards } from './product-views.js'
import { ftsPhrase, isTrigramTerm } from '../search/index.js'
import { PRODUCT } from './products.js'

// The H5 shop's search: on-sale products of approved shops only. Each word of the query must
// appear in the product's search text. Words of three or more characters go through the
// trigram index (SQLite FTS5, PostgreSQL pg_trgm); shorter ones ("小米", "台蘑") cannot use
// trigrams, so they are matched with LIKE over the same text, which is what the index would
// have answered.

type Eb = ExpressionBuilder<Database, 'product' | 'shop'>

const escapeLike = (term: string): string => term.replace(/[\\%_]/g, (c) => `\\${c}`)

function termMatches(eb: Eb, term: string, sqlite: boolean) {
  const pattern = `%${escapeLike(term)}%`
  if (!sqlite) return sql<boolean>`product.search_text like ${pattern} escape '\\'`
  if (isTrigramTerm(term))
    return eb(
      'product.id',
      'in',
      eb
        .selectFrom('product_fts')
        .select('product_fts.product_id')
        .where(sql<boolean>`product_fts match ${ftsPhrase(term)}`),
    )
  return sql<boolean>`product.search_text like ${pattern} escape '\\'`
}

export const searchTermsOf = (q: string | undefined): string[] =>
  (q ?? '')
    .toLowerCase()
    .split(/[\s,，、]+/)
    .filter(Boolean)
    .slice(0, 5)

export async function searchProducts(
  db: Db,
  query: ProductSearchQuery,
): Promise<Page<ProductCard>> {
  const { page, pageSize, offset } = pageWindow(query)
  const sqlite = dialectOf(db) === 'sqlite'
  const terms = searchTermsOf(query.q)
  let base = selectProductCards(db)
    .where('product.status', '=', 'on_sale')
    .where('shop.status', '=', 'approved')
  for (const term of terms) base = base.where((eb) => termMatches(eb, term, sqlite))
  if (query.categoryId)
    base = base.where('product.category_id', 'in', await categoryIdsUnder(db, query.categoryId))
  if (query.localKind) base = base.where('product.local_kind', '=', query.localKind)
  if (query.shopId) base = base.where('product.shop_id', '=', query.shopId)
  if (query.minPriceFen !== undefined)
    base = base.where('product.min_price_fen', '>=', query.minPriceFen)
  if (query.maxPriceFen !== undefined)
    base = base.where('product.min_price_fen', '<=', query.maxPriceFen)

  let sorted = base
  switch (query.sort ?? 'relevance') {
    case 'relevance': {
      // A word in the title counts more than one in the description; then what sells.
      const [first] = terms
      if (first !== undefined)
        sorted = sorted.orderBy(
          sql`case when lower(product.title) like ${`%${escapeLike(first)}%`} escape '\\' then 0 else 1 end`,
        )
      sorted = sorted.orderBy('product.sales_count', 'desc')
      break
    }
    case 'sales':
      sorted = sorted.orderBy('product.sales_count', 'desc')
      break
    case 'price_asc':
      sorted = sorted.orderBy('product.min_price_fen', 'asc')
      break
    case 'price_desc':
      sorted = sorted.orderBy('product.min_price_fen', 'desc')
      break
    case 'newest':
      sorted = sorted.orderBy('product.published_at', 'desc')
      break
  }
  const [{ total }, rows] = await Promise.all([
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    // The id last, so equal keys keep one order and pages neither repeat nor skip.
    sorted.orderBy('product.id').limit(pageSize).offset(offset).execute(),
  ])
  return { items: await toProductCards(db, rows), total, page, pageSize }
}

/** A product as shoppers see it: only while it is on sale in an approved shop. */
export async function getPublicProduct(db: Db, id: string): Promise<ProductDetail> {
  const row = await db
    .selectFrom('product')
    .innerJoin('shop', 'shop.id', 'product.shop_id')
    .selectAll('product')
    .where('product.id', '=', id)
    .where('product.status', '=', 'on_sale')
    .where('shop.status', '=', 'approved')
    .executeTakeFirst()
  if (!row) throw notFound(PRODUCT, id)
  return loadProductDetail(db, row, { activeSkusOnly: true })
}
