// The search text of products (and its FTS5 index on SQLite), and the rich-text descriptions.
export { plainTextOf, sanitizeRichText } from './rich-text.js'
export type { SearchTables } from './search-schema.js'
export { forgetSearchText, ftsPhrase, isTrigramTerm, refreshSearchText } from './search-text.js'
