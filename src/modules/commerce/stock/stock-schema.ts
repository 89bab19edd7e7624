import { Type, type Static } from 'typebox'

// Issue 4: stock per location, its levels and every movement (tables).

export const STOCK_LOCATION_KINDS = ['warehouse', 'store', 'station'] as const
export type StockLocationKind = (typeof STOCK_LOCATION_KINDS)[number]

export interface StockLocationTable {
  id: string
  kind: StockLocationKind
  name: string
  organization_id: string | null
  site_id: string | null
  division_code: string
  address: string
  opening_hours: string
  active: number
  created_at: string
}

/** available + reserved + sold = received: every change moves units between the columns. */
export interface StockLevelTable {
  sku_id: string
  location_id: string
  available: number
  reserved: number
  sold: number
  received: number
  updated_at: string
}

export interface StockMovementTable {
  id: string
  sku_id: string
  location_id: string
  kind: 'receive' | 'reserve' | 'release' | 'sell' | 'restock'
  quantity: number
  order_id: string | null
  note: string | null
  actor_user_id: string | null
  at: string
}

export interface StockTables {
  stock_location: StockLocationTable
  stock_level: StockLevelTable
  stock_movement: StockMovementTable
}

// ---- API shapes ----

export const StockReceiveBody = Type.Object(
  {
    skuId: Type.String({ minLength: 1 }),
    locationId: Type.String({ minLength: 1 }),
    quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)
export type StockReceiveBody = Static<typeof StockReceiveBody>
export const StockLevel = Type.Object({
  skuId: Type.String(),
  locationId: Type.String(),
  locationName: Type.String(),
  title: Type.String(),
  spec: Type.String(),
  available: Type.Integer(),
  reserved: Type.Integer(),
  sold: Type.Integer(),
  received: Type.Integer(),
})
