import { Type, type Static } from 'typebox'
import { Nullable, PageQuery, PhoneNumber } from '../../../platform/http/index.js'

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
  /** WGS84; null until a clerk places it (issue 15). */
  lat: number | null
  lon: number | null
  contact_name: string | null
  contact_phone: string | null
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

// ---- Stores and warehouses managed in the console (issue 15, SVC-1, SVC-5) ----

/** The places the console manages here; a station's stock place follows its logistics site. */
export const MANAGED_LOCATION_KINDS = ['warehouse', 'store'] as const
export const ManagedLocationKind = Type.Enum(MANAGED_LOCATION_KINDS)
export type ManagedLocationKind = (typeof MANAGED_LOCATION_KINDS)[number]
export const LOCATION_STATUSES = ['open', 'closed'] as const
export const LocationStatus = Type.Enum(LOCATION_STATUSES)

export const StockLocation = Type.Object({
  id: Type.String(),
  kind: Type.Enum(STOCK_LOCATION_KINDS),
  name: Type.String(),
  organizationId: Nullable(Type.String()),
  divisionCode: Type.String(),
  address: Type.String(),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  openingHours: Type.String(),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  status: LocationStatus,
})
export type StockLocation = Static<typeof StockLocation>

export const StockLocationQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 50 })),
  kind: Type.Optional(ManagedLocationKind),
  status: Type.Optional(LocationStatus),
  townshipCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
})
export type StockLocationQuery = Static<typeof StockLocationQuery>

const OpeningHours = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d$',
})
const LocationFields = {
  name: Type.String({ minLength: 2, maxLength: 100 }),
  divisionCode: Type.String({ pattern: '^\\d{6,12}$' }),
  address: Type.String({ minLength: 2, maxLength: 200 }),
  lat: Type.Number({ minimum: 3, maximum: 54 }),
  lon: Type.Number({ minimum: 73, maximum: 136 }),
  openingHours: OpeningHours,
  contactName: Nullable(Type.String({ maxLength: 50 })),
  contactPhone: Nullable(PhoneNumber),
  /** For a store, the store organization whose clerks work there. */
  organizationId: Nullable(Type.String()),
}

export const CreateStockLocationBody = Type.Object(
  {
    kind: ManagedLocationKind,
    name: LocationFields.name,
    divisionCode: LocationFields.divisionCode,
    address: LocationFields.address,
    lat: Type.Optional(LocationFields.lat),
    lon: Type.Optional(LocationFields.lon),
    openingHours: LocationFields.openingHours,
    contactName: Type.Optional(LocationFields.contactName),
    contactPhone: Type.Optional(LocationFields.contactPhone),
    organizationId: Type.Optional(LocationFields.organizationId),
  },
  { additionalProperties: false },
)
export type CreateStockLocationBody = Static<typeof CreateStockLocationBody>

export const UpdateStockLocationBody = Type.Object(
  {
    name: Type.Optional(LocationFields.name),
    divisionCode: Type.Optional(LocationFields.divisionCode),
    address: Type.Optional(LocationFields.address),
    lat: Type.Optional(LocationFields.lat),
    lon: Type.Optional(LocationFields.lon),
    openingHours: Type.Optional(LocationFields.openingHours),
    contactName: Type.Optional(LocationFields.contactName),
    contactPhone: Type.Optional(LocationFields.contactPhone),
    organizationId: Type.Optional(LocationFields.organizationId),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateStockLocationBody = Static<typeof UpdateStockLocationBody>
