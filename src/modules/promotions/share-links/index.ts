// Share links (分享链接, MKT-2) for every promotion: made with the promotion, visited, credited
// with the orders placed and paid through them, and reported.
export { attributeOrder, countedHooks } from './share-attribution.js'
export { createShareLink, shareCodeOf, shareLinksOf } from './share-links.js'
export { shareStats } from './share-report.js'
export { visitShareLink } from './share-visits.js'
