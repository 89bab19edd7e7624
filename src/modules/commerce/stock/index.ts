// Stock per location: levels, reservations, movements, goods booked in (issue 4).
export {
  isStockShortage,
  receiveStock,
  releaseStock,
  reservationWrites,
  reserveStock,
  restockSold,
  sellReservedStock,
  type ReservationWrite,
  type StockChange,
} from './stock.js'
export { stockRoutes } from './stock-routes.js'
export { locationRoutes } from './location-routes.js'
export { StockLevel, StockReceiveBody } from './stock-schema.js'
export type { StockLocationKind, StockLocationTable, StockTables } from './stock-schema.js'
// What the promotions ask of stock and stores (issue 13).
export { skusForSale, type SkuForSale } from './sku-sale-checks.js'
export { isOpenStore, locationNames } from './store-locations.js'
