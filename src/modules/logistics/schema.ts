import { Type, type Static } from 'typebox'
import { Nullable, PageQuery, PhoneNumber } from '../../platform/http/index.js'
import { PARCEL_STATUSES, SCAN_TYPES } from './parcel-status.js'

// LOG-1 … LOG-6: the three-level network, parcels, scans.

export const SITE_KINDS = ['hub', 'township', 'village'] as const
export type SiteKind = (typeof SITE_KINDS)[number]

export interface LogisticsSiteTable {
  id: string
  /** 站点编码, unique; the division code for the sites the demo seeds. */
  code: string
  kind: SiteKind
  name: string
  division_code: string
  address: string | null
  lat: number | null
  lon: number | null
  /** 1 when the position was generated or guessed and awaits a clerk's correction. */
  coordinates_approximate: number
  /** e.g. `08:00-18:00`, local time (Asia/Shanghai). */
  opening_hours: string
  master_name: string | null
  master_phone: string | null
  /** The village-station organization that runs it; scopes its station master. */
  organization_id: string | null
  /** Set while the site is closed: it takes no new parcels (issue 15). */
  closed_at: string | null
  created_at: string
  updated_at: string
}

export interface ParcelTable {
  id: string
  carrier_id: string
  waybill_no: string
  recipient_name: string
  recipient_phone: string
  address_text: string
  /** Null until the address is matched to a station (then it waits in the clerk's queue). */
  destination_site_id: string | null
  weight_g: number
  volume_cm3: number
  cod_fen: number
  status: (typeof PARCEL_STATUSES)[number]
  /** Hub receipt: the 72-hour clock starts here (LOG-6). */
  received_at: string | null
  /** received_at + 72 h, set with the receipt scan so at-risk lists can use an index. */
  due_at: string | null
  /** Arrival at the village station: the clock stops here. */
  arrived_at: string | null
  /** 取件码 while the parcel waits at its station (issue 15); null before arrival and after. */
  pickup_code: string | null
  import_id: string | null
  created_at: string
  updated_at: string
}

export interface ScanEventTable {
  id: string
  parcel_id: string
  type: (typeof SCAN_TYPES)[number]
  site_id: string | null
  at: string
  actor_user_id: string | null
  actor_name: string | null
  note: string | null
}

export interface ManifestImportTable {
  id: string
  carrier_id: string
  file_name: string
  rows_total: number
  rows_imported: number
  rows_duplicate: number
  rows_failed: number
  /** JSON: [{ row, field, message, messageZh }] */
  errors_json: string
  created_by: string | null
  created_at: string
}

/** Messages waiting for the SMS adapter; the local implementation only writes here. */
export interface CarrierFeeRuleTable {
  carrier_id: string
  per_parcel_fen: number
  per_kg_fen: number
  /** Kilograms included in the per-parcel fee. */
  free_kg: number
  updated_at: string
}

export interface LogisticsTables {
  carrier_fee_rule: CarrierFeeRuleTable
  logistics_site: LogisticsSiteTable
  parcel: ParcelTable
  scan_event: ScanEventTable
  manifest_import: ManifestImportTable
}

// ---- API ----

export const SiteKind = Type.Enum(SITE_KINDS)
export const ParcelStatus = Type.Enum(PARCEL_STATUSES)
export const ScanType = Type.Enum(SCAN_TYPES)

export const SITE_STATUSES = ['open', 'closed'] as const
export const SiteStatus = Type.Enum(SITE_STATUSES)
export type SiteStatus = (typeof SITE_STATUSES)[number]

export const Site = Type.Object({
  id: Type.String(),
  code: Type.String(),
  kind: SiteKind,
  name: Type.String(),
  divisionCode: Type.String(),
  townshipCode: Nullable(Type.String()),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  coordinatesApproximate: Type.Boolean(),
  openingHours: Type.String(),
  masterName: Nullable(Type.String()),
  masterPhone: Nullable(Type.String()),
  organizationId: Nullable(Type.String()),
  status: SiteStatus,
  closedAt: Nullable(Type.String()),
})
export type Site = Static<typeof Site>

export const SiteListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 50 })),
  kind: Type.Optional(SiteKind),
  townshipCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  status: Type.Optional(SiteStatus),
})
export type SiteListQuery = Static<typeof SiteListQuery>

const OpeningHours = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d$',
})

/** 站点编码: letters, digits and dashes, as a clerk types it on a label. */
export const SiteCode = Type.String({ pattern: '^[A-Za-z0-9-]{2,32}$' })
const Latitude = Type.Number({ minimum: 3, maximum: 54 })
const Longitude = Type.Number({ minimum: 73, maximum: 136 })

export const CreateSiteBody = Type.Object(
  {
    code: SiteCode,
    kind: SiteKind,
    name: Type.String({ minLength: 2, maxLength: 100 }),
    /** The county for the hub, the township for a township station, the village for a village station. */
    divisionCode: Type.String({ pattern: '^\\d{6,12}$' }),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    lat: Type.Optional(Latitude),
    lon: Type.Optional(Longitude),
    openingHours: OpeningHours,
    masterName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    masterPhone: Type.Optional(Nullable(PhoneNumber)),
    /** The village-station organization whose station master runs it. */
    organizationId: Type.Optional(Nullable(Type.String())),
  },
  { additionalProperties: false },
)
export type CreateSiteBody = Static<typeof CreateSiteBody>

export const UpdateSiteBody = Type.Object(
  {
    code: Type.Optional(SiteCode),
    divisionCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
    organizationId: Type.Optional(Nullable(Type.String())),
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    lat: Type.Optional(Latitude),
    lon: Type.Optional(Longitude),
    openingHours: Type.Optional(OpeningHours),
    masterName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    masterPhone: Type.Optional(Nullable(PhoneNumber)),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateSiteBody = Static<typeof UpdateSiteBody>

/** One parcel as a carrier hands it over (LOG-2), from a manifest row or the API. */
export const ParcelInput = Type.Object(
  {
    waybillNo: Type.String({ pattern: '^[A-Za-z0-9-]{6,32}$' }),
    recipientName: Type.String({ minLength: 1, maxLength: 50 }),
    recipientPhone: PhoneNumber,
    address: Type.String({ minLength: 2, maxLength: 200 }),
    /** 12-digit village code; matched from the address when absent. */
    villageCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
    weightKg: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    volumeM3: Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
    /** Cash on delivery in yuan with at most two decimals; stored as fen. */
    codYuan: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
)
export type ParcelInput = Static<typeof ParcelInput>

export const SubmitParcelsBody = Type.Object(
  {
    carrierId: Type.Optional(Type.String()),
    parcels: Type.Array(ParcelInput, { minItems: 1, maxItems: 5000 }),
  },
  { additionalProperties: false },
)
export type SubmitParcelsBody = Static<typeof SubmitParcelsBody>

export const RowError = Type.Object({
  row: Type.Integer(),
  field: Type.String(),
  message: Type.String(),
  messageZh: Type.String(),
})
export type RowError = Static<typeof RowError>

export const IntakeResult = Type.Object({
  importId: Nullable(Type.String()),
  rowsTotal: Type.Integer(),
  imported: Type.Integer(),
  duplicates: Type.Integer(),
  failed: Type.Integer(),
  unmatched: Type.Integer({ description: 'imported, but waiting for a clerk to pick the station' }),
  errors: Type.Array(RowError),
})
export type IntakeResult = Static<typeof IntakeResult>

/** What `POST /sites/import` answers: all rows land or none (then `errors` says why). */
export const SiteImportResult = Type.Object({
  rowsTotal: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(RowError),
})
export type SiteImportResult = Static<typeof SiteImportResult>

/** What `POST /sites/coordinates` answers. */
export const CoordinateImportResult = Type.Object({
  updated: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(RowError),
})
export type CoordinateImportResult = Static<typeof CoordinateImportResult>

export const Parcel = Type.Object({
  id: Type.String(),
  carrierId: Type.String(),
  carrierName: Type.String(),
  waybillNo: Type.String(),
  recipientName: Type.String({ description: 'masked: 张*' }),
  recipientPhone: Type.String({ description: 'masked: 139****5678' }),
  address: Type.String(),
  destinationSiteId: Nullable(Type.String()),
  destinationName: Nullable(Type.String()),
  weightKg: Type.Number(),
  volumeM3: Type.Number(),
  codFen: Type.Integer(),
  status: ParcelStatus,
  receivedAt: Nullable(Type.String()),
  arrivedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String({ description: 'received + 72 h' })),
  createdAt: Type.String(),
})
export type Parcel = Static<typeof Parcel>

export const PROMISE_STATES = ['on_track', 'at_risk', 'breached', 'met', 'not_started'] as const
export const PromiseState = Type.Enum(PROMISE_STATES)

export const ParcelListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 50, description: 'waybill number' })),
  status: Type.Optional(ParcelStatus),
  carrierId: Type.Optional(Type.String()),
  townshipCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  unmatched: Type.Optional(Type.Boolean()),
  promise: Type.Optional(Type.Enum(['at_risk', 'breached'] as const)),
})
export type ParcelListQuery = Static<typeof ParcelListQuery>

export const ScanBody = Type.Object(
  {
    waybillNo: Type.String({ minLength: 1, maxLength: 32 }),
    carrierId: Type.Optional(
      Type.String({ description: 'needed only when two carriers share the waybill number' }),
    ),
    type: ScanType,
    siteId: Type.Optional(Type.String()),
    /** For picked_up: the last four digits of the recipient's phone, checked by the station. */
    phoneTail: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
    /** For picked_up: the pickup code (取件码) texted on arrival, instead of the phone tail. */
    pickupCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)
export type ScanBody = Static<typeof ScanBody>

/** A scan's answer: the parcel after it, and whether it had been scanned so already. */
export const ScanResult = Type.Object({
  ...Parcel.properties,
  /** True when the parcel had already been scanned so: nothing was recorded again (idempotent). */
  duplicate: Type.Boolean(),
})
export type ScanResult = Static<typeof ScanResult>

/** Hand-over at a village station by the pickup code alone (typed or scanned). */
export const HandOverByCodeBody = Type.Object(
  {
    pickupCode: Type.String({ pattern: '^\\d{6}$' }),
    /** The station; a station master's own station when left out. */
    siteId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)
export type HandOverByCodeBody = Static<typeof HandOverByCodeBody>

export const ScanEvent = Type.Object({
  id: Type.String(),
  type: ScanType,
  at: Type.String(),
  siteId: Nullable(Type.String()),
  siteName: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  note: Nullable(Type.String()),
})
export type ScanEvent = Static<typeof ScanEvent>

export const ResolveDestinationBody = Type.Object(
  { siteId: Type.String() },
  { additionalProperties: false },
)

export const TrackingQuery = Type.Object({
  phoneTail: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
})
export const Tracking = Type.Object({
  waybillNo: Type.String(),
  carrierName: Type.String(),
  status: ParcelStatus,
  /** True when the phone tail matched and the trail shows places and people. */
  detailed: Type.Boolean(),
  destinationName: Nullable(Type.String()),
  recipientName: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  events: Type.Array(
    Type.Object({ type: ScanType, at: Type.String(), siteName: Nullable(Type.String()) }),
  ),
})
export type Tracking = Static<typeof Tracking>

export const PromiseSummaryQuery = Type.Object({
  from: Type.String({ format: 'date', description: 'first day (Asia/Shanghai), inclusive' }),
  to: Type.String({ format: 'date', description: 'last day (Asia/Shanghai), inclusive' }),
  granularity: Type.Optional(Type.Enum(['day', 'week', 'month'] as const)),
})
export type PromiseSummaryQuery = Static<typeof PromiseSummaryQuery>

export const PromisePeriod = Type.Object({
  period: Type.String({
    description: 'YYYY-MM-DD (day), YYYY-Www (ISO week) or YYYY-MM (month), Asia/Shanghai',
  }),
  received: Type.Integer(),
  arrivedOnTime: Type.Integer(),
  arrivedLate: Type.Integer(),
  overdue: Type.Integer({ description: 'not arrived and past the 72 h' }),
  pending: Type.Integer({ description: 'not arrived, still within the 72 h' }),
  onTimeRate: Nullable(
    Type.Number({
      description:
        'arrivedOnTime / (arrivedOnTime + arrivedLate + overdue); null when none is decided',
    }),
  ),
})
export type PromisePeriod = Static<typeof PromisePeriod>

export const FlowReportQuery = Type.Object({
  from: Type.String({ format: 'date', description: 'first day (Asia/Shanghai), inclusive' }),
  to: Type.String({ format: 'date', description: 'last day (Asia/Shanghai), inclusive' }),
  groupBy: Type.Enum(['day', 'carrier', 'township', 'station'] as const),
  carrierId: Type.Optional(Type.String()),
})
export type FlowReportQuery = Static<typeof FlowReportQuery>

export const FlowRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  received: Type.Integer({ description: 'received at the hub' }),
  dispatched: Type.Integer({ description: 'left the hub on a vehicle' }),
  delivered: Type.Integer({ description: 'arrived at the village station' }),
  pickedUp: Type.Integer({ description: 'handed to the recipient' }),
})
export type FlowRow = Static<typeof FlowRow>

export const FeeRule = Type.Object(
  {
    perParcelFen: Type.Integer({ minimum: 0, maximum: 100000 }),
    perKgFen: Type.Integer({ minimum: 0, maximum: 100000 }),
    freeKg: Type.Integer({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
)
export type FeeRule = Static<typeof FeeRule>

export const StatementQuery = Type.Object({
  carrierId: Type.String(),
  month: Type.String({
    pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
    description: 'YYYY-MM, Asia/Shanghai',
  }),
})
export type StatementQuery = Static<typeof StatementQuery>

export const Statement = Type.Object({
  carrierId: Type.String(),
  carrierName: Type.String(),
  month: Type.String(),
  feeRule: FeeRule,
  parcels: Type.Integer({ description: 'received at the hub in the month' }),
  weightKg: Type.Number(),
  feeFen: Type.Integer({ description: 'what the carrier owes the alliance' }),
  codParcels: Type.Integer({ description: 'cash-on-delivery parcels picked up in the month' }),
  codFen: Type.Integer({ description: 'cash collected for the carrier, to remit' }),
})
export type Statement = Static<typeof Statement>
