import { Type, type Static } from 'typebox'
import { Nullable, PhoneNumber } from '../../platform/http/index.js'

// LOG-3 / LOG-4 tables and API shapes: the fleet, daily plans, trips and stops.

export interface VehicleTable {
  id: string
  plate: string
  name: string
  capacity_kg: number
  capacity_m3: number
  /** Local time (Asia/Shanghai), HH:MM. */
  shift_start: string
  shift_end: string
  max_duration_s: number | null
  home_site_id: string
  fixed_cost_fen: number
  cost_per_km_fen: number
  cost_per_hour_fen: number
  driver_user_id: string | null
  active: number
  created_at: string
  updated_at: string
}

export const PLAN_STATUSES = ['planning', 'draft', 'published', 'failed'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export interface DispatchPlanTable {
  id: string
  /** YYYY-MM-DD, Asia/Shanghai */
  service_date: string
  status: PlanStatus
  /** 0–100 while planning. */
  progress: number
  created_by: string | null
  created_at: string
  finished_at: string | null
  published_at: string | null
  /** JSON: PlanSummary */
  summary_json: string | null
  error: string | null
}

export interface TripTable {
  id: string
  plan_id: string
  vehicle_id: string
  driver_user_id: string | null
  departure_at: string
  return_at: string
  distance_m: number
  duration_s: number
  cost_fen: number
  locked: number
}

export interface TripStopTable {
  id: string
  trip_id: string
  seq: number
  site_id: string
  eta: string
  delivery_kg: number
  delivery_m3: number
  parcel_count: number
  /** Farm products collected here and carried back to the hub (LOG-8). */
  pickup_kg: number
  pickup_m3: number
  pickup_count: number
}

export const PICKUP_STATUSES = ['registered', 'planned', 'at_hub', 'handed_over'] as const
export type PickupStatus = (typeof PICKUP_STATUSES)[number]

export interface FarmPickupTable {
  id: string
  station_site_id: string
  sender_name: string
  sender_phone: string
  product: string
  pieces: number
  weight_g: number
  volume_cm3: number
  destination_address: string
  status: PickupStatus
  trip_id: string | null
  carrier_id: string | null
  carrier_waybill_no: string | null
  registered_by: string | null
  created_at: string
  updated_at: string
}

/** Issue 15: a carrier's waybill prefixes (YZ, ZT …), unique across carriers (LOG-2). */
export interface CarrierWaybillPrefixTable {
  prefix: string
  carrier_id: string
  created_at: string
}

/** Issue 15: what logistics keeps about a driver (a user with the driver role). */
export interface DriverProfileTable {
  user_id: string
  /** 准驾车型, e.g. C1, B2. */
  licence_class: string | null
  updated_at: string
}

export interface DispatchTables {
  carrier_waybill_prefix: CarrierWaybillPrefixTable
  driver_profile: DriverProfileTable
  farm_pickup: FarmPickupTable
  vehicle: VehicleTable
  dispatch_plan: DispatchPlanTable
  trip: TripTable
  trip_stop: TripStopTable
}

const ClockTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' })

export const Vehicle = Type.Object({
  id: Type.String(),
  plate: Type.String(),
  name: Type.String(),
  capacityKg: Type.Integer(),
  capacityM3: Type.Number(),
  shiftStart: Type.String(),
  shiftEnd: Type.String(),
  homeSiteId: Type.String(),
  fixedCostFen: Type.Integer(),
  costPerKmFen: Type.Integer(),
  costPerHourFen: Type.Integer(),
  driverUserId: Nullable(Type.String()),
  active: Type.Boolean(),
})
export type Vehicle = Static<typeof Vehicle>

export const CreateVehicleBody = Type.Object(
  {
    plate: Type.String({
      pattern: '^[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}$',
      description: '车牌号, e.g. 晋H12345',
    }),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    capacityKg: Type.Integer({ minimum: 1, maximum: 50000 }),
    capacityM3: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    shiftStart: ClockTime,
    shiftEnd: ClockTime,
    homeSiteId: Type.Optional(Type.String()),
    fixedCostFen: Type.Optional(
      Type.Integer({ minimum: 0, description: 'cost of using the vehicle for a day, fen' }),
    ),
    costPerKmFen: Type.Optional(Type.Integer({ minimum: 0 })),
    costPerHourFen: Type.Optional(Type.Integer({ minimum: 0 })),
    driverUserId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)
export type CreateVehicleBody = Static<typeof CreateVehicleBody>

export const StartPlanBody = Type.Object(
  {
    serviceDate: Type.String({ format: 'date' }),
    timeLimitS: Type.Optional(
      Type.Number({ minimum: 0.1, maximum: 120, description: 'planning time, default 5 s' }),
    ),
  },
  { additionalProperties: false },
)
export type StartPlanBody = Static<typeof StartPlanBody>

export const TripStop = Type.Object({
  seq: Type.Integer(),
  siteId: Type.String(),
  siteName: Type.String(),
  eta: Type.String(),
  deliveryKg: Type.Number(),
  deliveryM3: Type.Number(),
  parcelCount: Type.Integer(),
  pickupKg: Type.Number(),
  pickupCount: Type.Integer(),
})

export const Trip = Type.Object({
  id: Type.String(),
  vehicleId: Type.String(),
  vehiclePlate: Type.String(),
  driverUserId: Nullable(Type.String()),
  departureAt: Type.String(),
  returnAt: Type.String(),
  distanceKm: Type.Number(),
  durationS: Type.Integer(),
  costFen: Type.Integer(),
  locked: Type.Boolean(),
  stops: Type.Array(TripStop),
})
export type Trip = Static<typeof Trip>

export const PlanSummary = Type.Object({
  stations: Type.Integer(),
  parcels: Type.Integer(),
  pickups: Type.Integer({ description: 'farm-product pieces to collect on the way (LOG-8)' }),
  trips: Type.Integer(),
  distanceKm: Type.Number(),
  costFen: Type.Integer(),
  planningMs: Type.Integer(),
  unassigned: Type.Array(
    Type.Object({
      siteId: Type.String(),
      siteName: Type.String(),
      reason: Type.String(),
      parcels: Type.Integer(),
    }),
  ),
  checkerViolations: Type.Array(Type.String()),
})
export type PlanSummary = Static<typeof PlanSummary>

export const Plan = Type.Object({
  id: Type.String(),
  serviceDate: Type.String(),
  status: Type.Enum(PLAN_STATUSES),
  progress: Type.Integer(),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  summary: Nullable(PlanSummary),
  error: Nullable(Type.String()),
  trips: Type.Array(Trip),
})
export type Plan = Static<typeof Plan>

export const FarmPickup = Type.Object({
  id: Type.String(),
  stationSiteId: Type.String(),
  stationName: Type.String(),
  senderName: Type.String(),
  senderPhone: Type.String(),
  product: Type.String(),
  pieces: Type.Integer(),
  weightKg: Type.Number(),
  volumeM3: Type.Number(),
  destinationAddress: Type.String(),
  status: Type.Enum(PICKUP_STATUSES),
  tripId: Nullable(Type.String()),
  carrierId: Nullable(Type.String()),
  carrierWaybillNo: Nullable(Type.String()),
  createdAt: Type.String(),
})
export type FarmPickup = Static<typeof FarmPickup>

export const RegisterPickupBody = Type.Object(
  {
    stationSiteId: Type.String(),
    senderName: Type.String({ minLength: 1, maxLength: 50 }),
    senderPhone: PhoneNumber,
    product: Type.String({ minLength: 1, maxLength: 100 }),
    pieces: Type.Integer({ minimum: 1, maximum: 1000 }),
    weightKg: Type.Number({ exclusiveMinimum: 0, maximum: 5000 }),
    volumeM3: Type.Optional(Type.Number({ minimum: 0, maximum: 20 })),
    destinationAddress: Type.String({ minLength: 2, maxLength: 200 }),
  },
  { additionalProperties: false },
)
export type RegisterPickupBody = Static<typeof RegisterPickupBody>

export const HandOverPickupBody = Type.Object(
  { carrierId: Type.String(), carrierWaybillNo: Type.String({ pattern: '^[A-Za-z0-9-]{6,32}$' }) },
  { additionalProperties: false },
)
export type HandOverPickupBody = Static<typeof HandOverPickupBody>

export const CostPerParcelQuery = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  granularity: Type.Optional(Type.Enum(['day', 'week', 'month'] as const)),
})
export type CostPerParcelQuery = Static<typeof CostPerParcelQuery>

export const CostPerParcelRow = Type.Object({
  period: Type.String(),
  trips: Type.Integer(),
  costFen: Type.Integer(),
  deliveredParcels: Type.Integer(),
  collectedPickups: Type.Integer(),
  costPerParcelFen: Nullable(
    Type.Number({
      description: 'trip cost / (parcels delivered + pieces collected): KPI-11, should fall',
    }),
  ),
})
export type CostPerParcelRow = Static<typeof CostPerParcelRow>

export const UpdateVehicleBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    capacityKg: Type.Optional(Type.Integer({ minimum: 1, maximum: 50000 })),
    capacityM3: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
    shiftStart: Type.Optional(ClockTime),
    shiftEnd: Type.Optional(ClockTime),
    homeSiteId: Type.Optional(Type.String()),
    fixedCostFen: Type.Optional(Type.Integer({ minimum: 0 })),
    costPerKmFen: Type.Optional(Type.Integer({ minimum: 0 })),
    costPerHourFen: Type.Optional(Type.Integer({ minimum: 0 })),
    driverUserId: Type.Optional(Nullable(Type.String())),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateVehicleBody = Static<typeof UpdateVehicleBody>

export const PlanListItem = Type.Object({
  id: Type.String(),
  serviceDate: Type.String(),
  status: Type.Enum(PLAN_STATUSES),
  progress: Type.Integer(),
  createdAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  summary: Nullable(PlanSummary),
})
export type PlanListItem = Static<typeof PlanListItem>

export const StopParcel = Type.Object({
  siteId: Type.String(),
  waybillNo: Type.String(),
  carrierName: Type.String(),
  recipientName: Type.String(),
  status: Type.String(),
})
export type StopParcel = Static<typeof StopParcel>

export const MoveStopBody = Type.Object(
  {
    siteId: Type.String(),
    toTripId: Type.String(),
    /** 1-based place in the target trip; past the end means last. */
    position: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
)
export type MoveStopBody = Static<typeof MoveStopBody>
