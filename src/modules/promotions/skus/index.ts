// The SKUs promotions sell: their labels, the console's label route, and the terms every
// promotion checks (a window that ends after it starts, a SKU that exists).
export { skuLabel } from './sku-labels.js'
export { skuLabelRoutes } from './sku-label-routes.js'
export { checkWindowAndSku } from './term-checks.js'
