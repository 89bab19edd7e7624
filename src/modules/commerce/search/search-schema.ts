// The search index beside product.search_text (search-text.ts keeps it).

/** SQLite only: the FTS5 trigram index over product.search_text. */
export interface ProductFtsTable {
  product_id: string
  search_text: string
}

export interface SearchTables {
  product_fts: ProductFtsTable
}
