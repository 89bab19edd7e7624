import { Type, type Static } from 'typebox'
import { Nullable } from '../../../platform/http/index.js'

// The API shapes of the O2O stores' report (SVC-1 / KPI-5). The counter sale's own body is
// CounterSaleBody in orders/order-schema.ts: a counter sale is an order.

export const StoreLocalShareQuery = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
})

export const StoreLocalShare = Type.Object({
  locationId: Type.String(),
  storeName: Type.String(),
  salesFen: Type.Integer(),
  localFen: Type.Integer(),
  /** localFen / salesFen; null when the store sold nothing in the period. */
  share: Nullable(Type.Number()),
  meetsTarget: Nullable(Type.Boolean()),
})
export type StoreLocalShare = Static<typeof StoreLocalShare>
